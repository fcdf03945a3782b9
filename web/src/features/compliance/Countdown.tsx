/** @module A live countdown to an open deadline (ticks every second; the time is announced only on focus, not every tick). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function Countdown({ deadline }: { deadline: string }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, []);
  const left = Math.floor((Date.parse(deadline) - now) / 1000);
  if (left < 0) return <span className="muted">{t('complianceUi.overdue', { days: Math.floor(-left / 86400) })}</span>;
  return (
    <span className="countdown" data-testid="countdown" role="timer" aria-live="off">
      {t('complianceUi.countdown', {
        d: Math.floor(left / 86400),
        h: Math.floor((left % 86400) / 3600),
        m: Math.floor((left % 3600) / 60),
        s: left % 60,
      })}
    </span>
  );
}
