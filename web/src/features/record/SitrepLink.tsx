/** @module The daily situation report for a chosen day (Asia/Gaza), opened as Markdown. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const todayInGaza = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Gaza' }).format(new Date());

export function SitrepLink() {
  const { t } = useTranslation();
  const [date, setDate] = useState(todayInGaza());
  return (
    <div className="sitrep-link" data-testid="sitrep">
      <p>{t('recordUi.sitrepExplain')}</p>
      <label>
        {t('recordUi.sitrepDate')}{' '}
        <input
          type="date"
          value={date}
          onChange={(e) => e.target.value && setDate(e.target.value)}
          data-testid="sitrep-date"
        />
      </label>{' '}
      <a
        className="button button--secondary"
        href={`/api/sitrep.md?date=${date}`}
        target="_blank"
        rel="noopener"
        data-testid="sitrep-open"
      >
        {t('recordUi.sitrepOpen')}
      </a>
    </div>
  );
}
