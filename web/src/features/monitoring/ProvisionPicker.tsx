/**
 * @module Choosing the provision a ruling cites: search the agreement's provisions by reference or
 * title and pick one from the matches; nobody types an id.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProvisionChoices } from './queries.ts';

export function ProvisionPicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const remote = useProvisionChoices();
  const [search, setSearch] = useState('');
  const all = remote.status === 'idle' ? [] : (remote.data ?? []);
  const needle = search.trim().toLocaleLowerCase();
  const matches = all.filter(
    (p) => p.id === value || needle === '' || `${p.reference} ${p.title}`.toLocaleLowerCase().includes(needle),
  );
  return (
    <>
      <div className="field">
        <label htmlFor="incident-provision-search">{t('monitoringUi.incident.provisionSearch')}</label>
        <input
          id="incident-provision-search"
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="provision-search"
        />
      </div>
      <div className="field">
        <label htmlFor="incident-provision">{t('monitoringUi.incident.provisionChoose')}</label>
        <select
          id="incident-provision"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          data-testid="provision-choice"
        >
          <option value="">{matches.length === 0 ? t('monitoringUi.incident.provisionNone') : '—'}</option>
          {matches.map((p) => (
            <option key={p.id} value={p.id}>
              {p.reference} {p.title}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
