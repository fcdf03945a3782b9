/** @module Implementation at a glance: PAM percentage overall, per phase and per party, with what is due, late and done. */
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import type { ComplianceSummaryData } from './queries.ts';

type Group = ComplianceSummaryData['overall'];

function GroupRow({ label, g }: { label: string; g: Group }) {
  const f = useFormat();
  const s = g.byStatus;
  return (
    <tr>
      <th scope="row">
        <bdi>{label}</bdi>
      </th>
      <td className="num">{f.number(g.provisions)}</td>
      <td className="num">{f.percent(g.implementation)}</td>
      <td className="num">{f.number((s.not_started ?? 0) + (s.in_progress ?? 0))}</td>
      <td className="num">{f.number((s.late ?? 0) + (s.breached ?? 0))}</td>
      <td className="num">{f.number(s.fulfilled ?? 0)}</td>
      {/* Disputed provisions are also counted in the columns of their status. */}
      <td className="num" data-testid="rollup-disputed">
        {f.number(g.disputed)}
      </td>
    </tr>
  );
}

function GroupTable({
  caption,
  rows,
  testId,
}: {
  caption: string;
  rows: { label: string; g: Group }[];
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="table compliance-summary-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('complianceUi.summary.group')}</th>
            <th scope="col" className="num">
              {t('complianceUi.summary.provisions')}
            </th>
            <th scope="col" className="num">
              {t('complianceUi.summary.implementation')}
            </th>
            <th scope="col" className="num">
              {t('complianceUi.summary.due')}
            </th>
            <th scope="col" className="num">
              {t('complianceUi.summary.late')}
            </th>
            <th scope="col" className="num">
              {t('complianceUi.summary.done')}
            </th>
            <th scope="col" className="num">
              {t('complianceUi.summary.disputed')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <GroupRow key={r.label} label={r.label} g={r.g} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ComplianceSummary({ summary }: { summary: ComplianceSummaryData }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <dl className="key-figures compliance-overall">
        <div className="key-figure" data-testid="implementation-overall">
          <dt>{t('complianceUi.summary.overall')}</dt>
          <dd>
            <span className="key-figure__value">{f.percent(summary.overall.implementation)}</span>
            <span className="key-figure__note">{t('complianceUi.summary.overallNote')}</span>
          </dd>
        </div>
      </dl>
      <div className="compliance-groups">
        <GroupTable
          testId="rollup-phase"
          caption={t('complianceUi.summary.byPhase')}
          rows={summary.byPhase.map((p) => ({ label: t('complianceUi.summary.phase', { n: p.phase }), g: p }))}
        />
        <GroupTable
          testId="rollup-party"
          caption={t('complianceUi.summary.byParty')}
          rows={summary.byParty.map((p) => ({ label: p.name, g: p }))}
        />
        <GroupTable
          testId="rollup-type"
          caption={t('complianceUi.summary.byType')}
          rows={summary.byType.map((p) => ({ label: t(`complianceUi.types.${p.type}`), g: p }))}
        />
      </div>
    </>
  );
}
