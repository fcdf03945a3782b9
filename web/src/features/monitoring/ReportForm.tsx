/**
 * @module The monitor's report form. Its clientId is made once when the form opens and kept
 * across retries, so pressing "File" twice or retrying after a dropped connection never files
 * two reports. Evidence is uploaded first (stored by its SHA-256) and cited by hash.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACLED_EVENT_TYPES, EVENT_TYPES } from '../../../../src/domain/monitoring/acled.ts';
import { SOURCE_KINDS } from '../../../../src/contract/monitoring.ts';
import { toAppError, type AppError } from '../../store/errors.ts';
import { describeError } from '../../components/describeError.ts';
import { useFileReport } from './queries.ts';
import { EMPTY_FACTS, FactsFields, draftFacts } from './FactsFields.tsx';

interface Props {
  location: [number, number] | null;
  onLocation: (lonLat: [number, number] | null) => void;
  /** Closes the form; with the message to show when a report was filed. */
  onDone: (message?: string) => void;
}

function localNow(): string {
  const d = new Date(Date.now() - new Date().getTimezoneOffset() * 60000);
  return d.toISOString().slice(0, 16);
}

export function ReportForm({ location, onLocation, onDone }: Props) {
  const { t } = useTranslation();
  const clientId = useMemo(() => crypto.randomUUID(), []);
  const fileReport = useFileReport();
  const [occurredAt, setOccurredAt] = useState(localNow);
  const [eventType, setEventType] = useState<string>(EVENT_TYPES[1]!);
  const [subEventType, setSubEventType] = useState<string>(ACLED_EVENT_TYPES['Explosions/Remote violence'][3]);
  const [description, setDescription] = useState('');
  const [sourceKind, setSourceKind] = useState<(typeof SOURCE_KINDS)[number]>('patrol');
  const [sourceName, setSourceName] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [facts, setFacts] = useState(EMPTY_FACTS);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | string | null>(null);
  const subs: readonly string[] = (ACLED_EVENT_TYPES as Record<string, readonly string[]>)[eventType] ?? [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!location) {
      setError(t('monitoringUi.form.needLocation'));
      return;
    }
    setPending(true);
    setError(null);
    try {
      const r = await fileReport({
        report: {
          clientId,
          occurredAt: new Date(occurredAt).toISOString(),
          location: { type: 'Point', coordinates: location },
          eventType,
          subEventType,
          description,
          source: { kind: sourceKind, name: sourceName },
          facts: draftFacts(facts),
        },
        files,
      });
      onLocation(null);
      onDone(r.repeat ? t('monitoringUi.form.repeat') : t('monitoringUi.form.filed', { title: r.title }));
    } catch (err) {
      setError(
        err instanceof Error && !('status' in err) && !(err instanceof TypeError) ? err.message : toAppError(err),
      );
    } finally {
      setPending(false);
    }
  };

  const errorText = error === null ? null : typeof error === 'string' ? error : describeError(t, error, 'data');
  const fieldErrors = error !== null && typeof error !== 'string' && error.kind === 'invalid' ? error.fields : [];

  return (
    <form className="panel report-form" onSubmit={(e) => void submit(e)} data-testid="report-form" noValidate>
      <h2>{t('monitoringUi.form.heading')}</h2>
      {errorText && (
        <div className="notice notice--error" role="alert" data-testid="report-error">
          <p>{errorText}</p>
          {fieldErrors.length > 0 && (
            <ul>
              {fieldErrors.map((f) => (
                <li key={f.path}>{t('monitoringUi.form.fieldError', { field: f.path, message: f.message })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="report-form__grid">
        <div className="field">
          <label htmlFor="report-when">{t('monitoringUi.form.occurredAt')}</label>
          <input
            id="report-when"
            type="datetime-local"
            required
            value={occurredAt}
            onChange={(e) => setOccurredAt(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="report-lon">{t('monitoringUi.form.longitude')}</label>
          <input
            id="report-lon"
            dir="ltr"
            inputMode="decimal"
            data-testid="report-lon"
            value={location ? String(location[0]) : ''}
            onChange={(e) => onLocation([Number(e.target.value), location?.[1] ?? 0])}
          />
        </div>
        <div className="field">
          <label htmlFor="report-lat">{t('monitoringUi.form.latitude')}</label>
          <input
            id="report-lat"
            dir="ltr"
            inputMode="decimal"
            data-testid="report-lat"
            value={location ? String(location[1]) : ''}
            onChange={(e) => onLocation([location?.[0] ?? 0, Number(e.target.value)])}
          />
        </div>
        <div className="field">
          <label htmlFor="report-type">{t('monitoringUi.form.eventType')}</label>
          <select
            id="report-type"
            value={eventType}
            onChange={(e) => {
              setEventType(e.target.value);
              setSubEventType((ACLED_EVENT_TYPES as Record<string, readonly string[]>)[e.target.value]?.[0] ?? '');
            }}
          >
            {EVENT_TYPES.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="report-subtype">{t('monitoringUi.form.subEventType')}</label>
          <select id="report-subtype" value={subEventType} onChange={(e) => setSubEventType(e.target.value)}>
            {subs.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="report-source-kind">{t('monitoringUi.form.sourceKind')}</label>
          <select
            id="report-source-kind"
            value={sourceKind}
            onChange={(e) => setSourceKind(e.target.value as (typeof SOURCE_KINDS)[number])}
          >
            {SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`monitoringUi.form.sourceKinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="report-source-name">{t('monitoringUi.form.sourceName')}</label>
          <input id="report-source-name" required value={sourceName} onChange={(e) => setSourceName(e.target.value)} />
        </div>
      </div>
      <FactsFields
        value={facts}
        onChange={setFacts}
        onPlace={(place) => {
          // The place's point until the monitor places the report more precisely.
          if (place && !location) onLocation(place.location.coordinates);
        }}
      />
      <div className="field">
        <label htmlFor="report-description">{t('monitoringUi.form.description')}</label>
        <textarea
          id="report-description"
          required
          rows={4}
          maxLength={10000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="report-evidence">{t('monitoringUi.form.evidence')}</label>
        <input
          id="report-evidence"
          type="file"
          multiple
          accept="image/jpeg,image/png,image/webp,application/pdf"
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
        />
      </div>
      <div className="report-form__actions">
        <button type="submit" className="button" disabled={pending} data-testid="report-submit">
          {pending ? t('monitoringUi.form.submitting') : t('monitoringUi.form.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone()}>
          {t('monitoringUi.form.cancel')}
        </button>
      </div>
    </form>
  );
}
