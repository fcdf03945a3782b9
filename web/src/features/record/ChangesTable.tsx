/** @module The record of changes as a table: index, when, what, who, and the in-browser check. */
import { useTranslation } from 'react-i18next';
import type { LogChange } from '../../../../src/contract/log.ts';
import { useFormat } from '../../i18n/format.ts';
import { Link } from '../../router/Link.tsx';
import { VerifyCell } from './VerifyCell.tsx';

export function ChangesTable({ items }: { items: LogChange[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (items.length === 0) return <p className="muted">{t('recordUi.empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="table" data-testid="changes-table">
        <caption className="visually-hidden">{t('recordUi.changesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('recordUi.index')}</th>
            <th scope="col">{t('recordUi.at')}</th>
            <th scope="col">{t('recordUi.record')}</th>
            <th scope="col">{t('recordUi.op')}</th>
            <th scope="col">{t('recordUi.by')}</th>
            <th scope="col">{t('recordUi.check')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={`${c.kind}/${c.id}/${c.version}`} data-testid={`change-${c.logIndex ?? 'pending'}`}>
              <td className="num">{c.logIndex ?? t('recordUi.pending')}</td>
              <td>{f.dateTime(c.at)}</td>
              <td>
                <Link to={`/record?kind=${encodeURIComponent(c.kind)}&id=${encodeURIComponent(c.id)}`}>
                  {c.kind} <bdi className="mono">{c.id.slice(0, 8)}</bdi>
                </Link>{' '}
                v{c.version}
              </td>
              <td>{c.op}</td>
              <td>{c.organisationName ?? t('recordUi.system')}</td>
              <td>
                <VerifyCell change={c} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
