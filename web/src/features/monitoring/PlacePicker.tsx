/**
 * @module Picks a gazetteer place by typing part of its name in any spelling or script: the
 * reader never types an id. Choosing a place also offers its point to the form when the report
 * has none yet (the monitor may then move it to where the event was).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlaceSearch, type PlaceItem } from './queries.ts';
import { placeName } from './placeName.ts';

interface Props {
  value: PlaceItem | null;
  onChange: (place: PlaceItem | null) => void;
}

export function PlacePicker({ value, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const found = usePlaceSearch(q);
  const listId = useId();
  const name = (p: PlaceItem) => placeName(p.names, i18n.language);
  const results = q.trim().length >= 2 && 'data' in found ? (found.data ?? []) : [];

  if (value) {
    return (
      <div className="field" data-testid="place-chosen">
        <span>{t('monitoringUi.facts.placeChosen', { name: name(value) })}</span>{' '}
        <button type="button" className="button button--secondary" onClick={() => onChange(null)}>
          {t('monitoringUi.facts.placeClear')}
        </button>
      </div>
    );
  }
  return (
    <div className="field">
      <label htmlFor={`${listId}-q`}>{t('monitoringUi.facts.place')}</label>
      <input
        id={`${listId}-q`}
        type="search"
        data-testid="place-search"
        placeholder={t('monitoringUi.facts.placeSearch')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      {q.trim().length >= 2 && found.status === 'ready' && results.length === 0 && (
        <p className="muted">{t('monitoringUi.facts.placeNone')}</p>
      )}
      {results.length > 0 && (
        <ul className="place-results" aria-label={t('monitoringUi.facts.place')}>
          {results.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="button button--secondary"
                data-testid="place-option"
                onClick={() => {
                  onChange(p);
                  setQ('');
                }}
              >
                {name(p)}
                {p.illustrative ? ` (${t('monitoringUi.facts.illustrative')})` : ''}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
