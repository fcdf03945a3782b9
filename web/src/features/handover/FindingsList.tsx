/** @module What the handover check found, as a table: the accessible twin of the timeline. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import type { Contribution } from '../force/queries.ts';
import type { Finding } from '../force/queries.ts';

function detail(fd: Finding, t: TFunction, n: (v: number) => string, orgOf: Map<string, string>): string {
  const org = fd.contributionId ? (orgOf.get(fd.contributionId) ?? '') : '';
  switch (fd.kind) {
    case 'vacuum':
      return t('handoverUi.detail.vacuum');
    case 'understrength':
      return t('handoverUi.detail.understrength', { strength: n(fd.strength ?? 0), required: n(fd.required ?? 0) });
    case 'overcommitted':
      return t('handoverUi.detail.overcommitted', {
        org,
        assigned: n(fd.assigned ?? 0),
        available: n(fd.available ?? 0),
      });
    case 'unconfirmed':
      return t('handoverUi.detail.unconfirmed', {
        org,
        strength: n(fd.strength ?? 0),
        status: fd.status ? t(`enum.status.${fd.status}`) : '',
      });
    case 'unconsented':
      return t('handoverUi.detail.unconsented', {
        org,
        strength: n(fd.strength ?? 0),
        reasons: (fd.consent ?? []).map((g) => t(`handoverUi.consentReason.${g.reason}`)).join(', '),
      });
  }
}

export function FindingsList({
  findings,
  contributions,
}: {
  findings: readonly Finding[];
  contributions: readonly Contribution[];
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const orgOf = new Map(contributions.map((c) => [c.id, c.organisationName]));
  if (findings.length === 0)
    return (
      <p className="empty" data-testid="findings-none">
        {t('handoverUi.noFindings')}
      </p>
    );
  return (
    <div className="table-wrap" role="region" aria-labelledby="findings-caption" tabIndex={0}>
      <table className="table" data-testid="findings-list">
        <caption id="findings-caption">{t('handoverUi.findingsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('handoverUi.columns.sector')}</th>
            <th scope="col">{t('handoverUi.columns.kind')}</th>
            <th scope="col">{t('handoverUi.columns.from')}</th>
            <th scope="col">{t('handoverUi.columns.to')}</th>
            <th scope="col">{t('handoverUi.columns.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((fd, i) => (
            <tr key={i} data-testid="finding-row" data-kind={fd.kind} data-sector={fd.sectorName}>
              <th scope="row">
                <bdi>{fd.sectorName}</bdi>
              </th>
              <td>
                <span className={`finding-badge finding-badge--${fd.kind}`}>{t(`handoverUi.kind.${fd.kind}`)}</span>
              </td>
              <td className="nowrap">{f.date(fd.from)}</td>
              <td className="nowrap">{f.date(fd.to)}</td>
              <td>{detail(fd, t, (v) => f.number(v), orgOf)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
