/**
 * @module Where a contributor stands with each party whose consent its admission needs, for the
 * contributions table: accepted, accepted with caveats, objected, abstained, awaited or not
 * asked. Only for readers the server lets read standings: a refusal leaves the column out.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../organisations/queries.ts';
import { useStandings, type Standings } from './queries.ts';
import './consent.css';

export type StandingsOf = (contributionId: string) => Standings['standings'];

/** The standings per contribution, or null while unknown or not readable by this account. */
export function useStandingsOf(): StandingsOf | null {
  const standings = useStandings();
  const byId = standings.status === 'idle' ? undefined : standings.data;
  return useMemo(() => (byId ? (id: string) => byId.get(id) ?? [] : null), [byId]);
}

export function StandingsCell({ standings }: { standings: Standings['standings'] }) {
  const { t } = useTranslation();
  const orgs = useOrganisations();
  const list = orgs.status === 'idle' ? undefined : orgs.data;
  const names = useMemo(() => new Map((list ?? []).map((o) => [o.id, o.name])), [list]);
  if (standings.length === 0) return <span className="muted">{t('consentUi.standing.none')}</span>;
  return (
    <ul className="consent-list standings" data-testid="standings">
      {standings.map((s) => (
        <li key={s.organisationId} data-party={names.get(s.organisationId) ?? ''} data-standing={s.standing}>
          <bdi>{names.get(s.organisationId) ?? '…'}</bdi>:{' '}
          <span className={`standing standing--${s.standing}`}>{t(`consentUi.standing.${s.standing}`)}</span>
        </li>
      ))}
    </ul>
  );
}
