/**
 * @module The records a decision may concern, named for people (who, what, where, from when)
 * from the lists already in the cache: the options of the proposal form and the subjects shown
 * on each decision. A record the reader may not see is named by its kind only.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubjectKind } from '../../../../src/capabilities/consent/contract/enums.ts';
import { useFormat } from '../../i18n/format.ts';
import { useContributions, useControlLines, useDeployments, useMilestones } from '../force/queries.ts';
import type { Names } from './names.ts';
import { useProvisions, type Decision } from './queries.ts';

export interface SubjectOption {
  id: string;
  label: string;
}

export interface Subjects {
  options(kind: SubjectKind): SubjectOption[];
  label(s: Decision['subjects'][number]): string;
}

const loaded = <T>(r: { status: string; data?: T }): T | undefined => r.data;

export function useSubjects(names: Names, withProvisions: boolean): Subjects {
  const { t } = useTranslation();
  const f = useFormat();
  const contributions = loaded(useContributions());
  const deployments = loaded(useDeployments());
  const lines = loaded(useControlLines());
  const milestones = loaded(useMilestones());
  const provisions = loaded(useProvisions(withProvisions));
  return useMemo(() => {
    const orgOfContribution = new Map((contributions ?? []).map((c) => [c.id, c.organisationName]));
    const byKind: Record<SubjectKind, SubjectOption[]> = {
      contribution: (contributions ?? []).map((c) => ({
        id: c.id,
        label: `${c.organisationName} · ${t(`enum.capability.${c.capability}`)}`,
      })),
      deployment: (deployments ?? []).map((d) => ({
        id: d.id,
        label: `${orgOfContribution.get(d.contributionId) ?? '…'} → ${names.sector(d.sectorId)} (${f.date(d.from)})`,
      })),
      control_line: (lines ?? []).map((l) => ({
        id: l.id,
        label: `${l.name} v${l.lineVersion} (${f.dateTime(l.validFrom)})`,
      })),
      milestone: (milestones ?? []).map((m) => ({
        id: m.id,
        label: `${names.sector(m.sectorId)} · ${f.date(m.at.slice(0, 10))}${m.area ? ` · ${m.area}` : ''}`,
      })),
      provision: (provisions ?? []).map((p) => ({ id: p.id, label: p.title })),
      // A meeting's minutes are proposed from the meeting (the API names it); none to pick here.
      meeting: [],
    };
    const index = new Map(Object.values(byKind).flatMap((list) => list.map((o) => [o.id, o.label] as const)));
    return {
      options: (kind) => byKind[kind],
      label: (s) => `${t(`consentUi.subject.${s.kind}`)}: ${index.get(s.id) ?? t('consentUi.subjectHidden')}`,
    };
  }, [contributions, deployments, lines, milestones, provisions, names, t, f]);
}
