/**
 * @module What a form says after a write: why it was refused (announced at once, role=alert) or
 * that it was saved (announced politely, role=status), then its submit button, disabled while
 * the write runs.
 */
import { useTranslation } from 'react-i18next';
import { describeError } from '../describeError.ts';
import type { WriteState } from './useWrite.ts';

export function FormFeedback({
  write,
  savedText,
  submitText,
  pendingText,
  secondary = false,
}: {
  write: WriteState;
  /** Omitted where the saved state shows itself (the record moves on the page). */
  savedText?: string;
  submitText: string;
  pendingText?: string;
  secondary?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {write.error && (
        <p className="notice notice--error" role="alert">
          {describeError(t, write.error, 'data')}
        </p>
      )}
      {write.saved && savedText !== undefined && (
        <p className="notice notice--info" role="status">
          {savedText}
        </p>
      )}
      <button type="submit" className={secondary ? 'button button--secondary' : 'button'} disabled={write.pending}>
        {write.pending && pendingText !== undefined ? pendingText : submitText}
      </button>
    </>
  );
}
