/**
 * @module The responsible party's answer to a ruling: a reply (every party reads it in the
 * timeline) and, within the period, an appeal with new evidence. Shown only when the server says
 * the viewer may (abilities on the incident).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppError, type AppError } from '../../store/errors.ts';
import { describeError } from '../../components/describeError.ts';
import { useIncidentWrite, type IncidentDetail as Detail } from './queries.ts';

export function PartyAnswer({ incident }: { incident: Detail }) {
  const { t } = useTranslation();
  const reply = useIncidentWrite('replyToRuling');
  const appeal = useIncidentWrite('appealRuling');
  const [text, setText] = useState('');
  const [grounds, setGrounds] = useState('');
  const [evidence, setEvidence] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [pending, setPending] = useState(false);
  const may = incident.abilities;
  if (!may?.reply && !may?.appeal) return null;
  const run = async (fn: () => Promise<unknown>, reset: () => void) => {
    setPending(true);
    setError(null);
    try {
      await fn();
      reset();
    } catch (err) {
      setError(toAppError(err));
    } finally {
      setPending(false);
    }
  };
  return (
    <section
      className="incident__actions"
      data-testid="party-answer"
      aria-label={t('monitoringUi.incident.party.title')}
    >
      <h3>{t('monitoringUi.incident.party.title')}</h3>
      {error && (
        <div className="notice notice--error" role="alert">
          {describeError(t, error, 'data')}
        </div>
      )}
      {may.reply && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () => reply({ params: { id: incident.id }, body: { text } }),
              () => setText(''),
            );
          }}
        >
          <div className="field">
            <label htmlFor="party-reply">{t('monitoringUi.incident.party.replyLabel')}</label>
            <textarea
              id="party-reply"
              rows={2}
              required
              value={text}
              onChange={(e) => setText(e.target.value)}
              data-testid="party-reply"
            />
          </div>
          <button type="submit" className="button button--secondary" disabled={pending} data-testid="send-reply">
            {t('monitoringUi.incident.party.sendReply')}
          </button>
        </form>
      )}
      {may.appeal && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () => appeal({ params: { id: incident.id }, body: { grounds, newEvidence: evidence } }),
              () => {
                setGrounds('');
                setEvidence('');
              },
            );
          }}
        >
          <div className="field">
            <label htmlFor="appeal-grounds">{t('monitoringUi.incident.party.grounds')}</label>
            <textarea
              id="appeal-grounds"
              rows={2}
              required
              value={grounds}
              onChange={(e) => setGrounds(e.target.value)}
              data-testid="appeal-grounds"
            />
          </div>
          <div className="field">
            <label htmlFor="appeal-evidence">{t('monitoringUi.incident.party.newEvidence')}</label>
            <textarea
              id="appeal-evidence"
              rows={2}
              required
              value={evidence}
              onChange={(e) => setEvidence(e.target.value)}
              data-testid="appeal-evidence"
            />
          </div>
          <button type="submit" className="button" disabled={pending} data-testid="appeal">
            {t('monitoringUi.incident.party.appeal')}
          </button>
        </form>
      )}
    </section>
  );
}
