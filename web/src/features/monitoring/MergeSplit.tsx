/**
 * @module Merge and split on the incident page: fold another open incident of the same event
 * type into this one, or take selected reports out into a new incident. Both keep the full
 * history on each side (the server records every move).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPEN_STATUSES } from '../../../../src/domain/monitoring/workflow.ts';
import { toAppError, type AppError } from '../../store/errors.ts';
import { describeError } from '../../components/describeError.ts';
import { useFormat } from '../../i18n/format.ts';
import { useIncidents, useIncidentWrite, type IncidentDetail } from './queries.ts';
import { openIncident } from './query.ts';

export function MergeSplit({
  incident,
  selected,
  rationale,
  onDone,
}: {
  incident: IncidentDetail;
  selected: readonly string[];
  rationale: string;
  onDone: (next: IncidentDetail) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useIncidents();
  const all = list.status === 'idle' ? [] : (list.data ?? []);
  const split = useIncidentWrite('splitIncident');
  const merge = useIncidentWrite('mergeIncidents');
  const [other, setOther] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [pending, setPending] = useState(false);
  if (!OPEN_STATUSES.includes(incident.status)) return null;
  const candidates = all.filter(
    (i) => i.id !== incident.id && i.eventType === incident.eventType && OPEN_STATUSES.includes(i.status),
  );
  const run = async (fn: () => Promise<IncidentDetail>, open: boolean) => {
    setPending(true);
    setError(null);
    try {
      const next = await fn();
      if (open) openIncident(next.id);
      else onDone(next);
    } catch (err) {
      setError(toAppError(err));
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="incident__merge-split">
      {error && (
        <div className="notice notice--error" role="alert">
          <p>{describeError(t, error, 'data')}</p>
        </div>
      )}
      {incident.reports.length > 1 && (
        <button
          type="button"
          className="button button--secondary"
          disabled={pending || selected.length === 0}
          data-testid="split"
          onClick={() =>
            void run(() => split({ params: { id: incident.id }, body: { reportIds: [...selected], rationale } }), true)
          }
        >
          {t('monitoringUi.incident.splitSelected')}
        </button>
      )}
      {candidates.length > 0 && (
        <div className="field">
          <label htmlFor="merge-with">{t('monitoringUi.incident.mergeWith')}</label>
          <select id="merge-with" value={other} onChange={(e) => setOther(e.target.value)}>
            <option value="">{t('monitoringUi.incident.mergeNone')}</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {f.dateTime(c.occurredAt)} — {c.title}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--secondary"
            disabled={pending || other === ''}
            data-testid="merge"
            onClick={() =>
              void run(() => merge({ params: { id: incident.id }, body: { incidentIds: [other], rationale } }), false)
            }
          >
            {t('monitoringUi.incident.mergeButton')}
          </button>
        </div>
      )}
    </div>
  );
}
