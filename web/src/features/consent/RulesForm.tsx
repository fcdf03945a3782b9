/**
 * @module Whoever the policy lets set consent rules (the session's `setConsentRules`) chooses, per
 * decision kind, which organisations must consent and whether all of them or a quorum. Organisations
 * are found by typing part of their name and added from the matches (never by id); the current rule
 * of the kind fills the form, and its version is sent so a rule changed meanwhile is refused (409).
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DECISION_KINDS, type DecisionKind } from '../../../../src/capabilities/consent/contract/enums.ts';
import { Field } from '../../components/form/Field.tsx';
import { FormFeedback } from '../../components/form/FormFeedback.tsx';
import { useWrite } from '../../components/form/useWrite.ts';
import type { Organisation } from '../organisations/queries.ts';
import type { Names } from './names.ts';
import { useSetConsentRule, type ConsentRule } from './queries.ts';

const MATCHES = 8;

interface Props {
  rules: readonly ConsentRule[];
  organisations: readonly Organisation[];
  names: Names;
}

export function RulesForm({ rules, organisations, names }: Props) {
  const { t } = useTranslation();
  const setRule = useSetConsentRule();
  const w = useWrite();
  const [kind, setKind] = useState<DecisionKind>('admission');
  const rule = rules.find((r) => r.kind === kind);
  const [chosen, setChosen] = useState<readonly string[]>(rule?.requiredOrgIds ?? []);
  const [quorum, setQuorum] = useState<string>(rule?.quorum === null || !rule ? '' : String(rule.quorum));
  const [note, setNote] = useState(rule?.note ?? '');
  const [search, setSearch] = useState('');
  const id = (f: string) => `rule-${f}`;

  function chooseKind(next: DecisionKind) {
    const r = rules.find((x) => x.kind === next);
    setKind(next);
    setChosen(r?.requiredOrgIds ?? []);
    setQuorum(r?.quorum === null || r === undefined ? '' : String(r.quorum));
    setNote(r?.note ?? '');
  }

  const matches = useMemo(() => {
    const q = search.trim().toLocaleLowerCase();
    if (q === '') return [];
    return organisations
      .filter((o) => !chosen.includes(o.id) && o.name.toLocaleLowerCase().includes(q))
      .slice(0, MATCHES);
  }, [search, organisations, chosen]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    await w.run(() =>
      setRule({
        params: { kind },
        body: {
          requiredOrgIds: [...chosen],
          quorum: quorum === '' ? null : Number(quorum),
          note: note.trim(),
          ...(rule ? { version: rule.version, illustrative: rule.illustrative } : {}),
        },
      }),
    );
  }

  return (
    <form className="decision-form" onSubmit={(e) => void submit(e)} data-testid="rules-form">
      <Field id={id('kind')} label={t('consentUi.rules.kind')}>
        <select id={id('kind')} value={kind} onChange={(e) => chooseKind(e.target.value as DecisionKind)}>
          {DECISION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`consentUi.kind.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <p className="note" data-testid="rules-current">
        {rule ? t('consentUi.rules.version', { n: rule.version }) : t('consentUi.rules.none')}
        {rule?.illustrative && ` ${t('consentUi.propose.illustrative')}`}
      </p>
      <fieldset>
        <legend>{t('consentUi.rules.required')}</legend>
        {chosen.length === 0 ? (
          <p className="empty">{t('consentUi.rules.noneChosen')}</p>
        ) : (
          <ul className="choice-grid" data-testid="rules-chosen">
            {chosen.map((o) => (
              <li key={o} className="choice" data-org={names.org(o)}>
                <bdi>{names.org(o)}</bdi>{' '}
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setChosen(chosen.filter((x) => x !== o))}
                  aria-label={t('consentUi.rules.remove', { org: names.org(o) })}
                >
                  {t('consentUi.rules.removeShort')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <Field id={id('search')} label={t('consentUi.rules.search')}>
          <input
            id={id('search')}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            autoComplete="off"
            data-testid="rules-search"
          />
        </Field>
        {search.trim() !== '' && (
          <ul className="choice-grid" aria-live="polite" data-testid="rules-matches">
            {matches.length === 0 && <li className="empty">{t('consentUi.rules.noMatch')}</li>}
            {matches.map((o) => (
              <li key={o.id} className="choice">
                <button
                  type="button"
                  className="button button--secondary"
                  data-org={o.name}
                  onClick={() => {
                    setChosen([...chosen, o.id]);
                    setSearch('');
                  }}
                >
                  {t('consentUi.rules.add', { org: o.name })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <Field id={id('quorum')} label={t('consentUi.rules.quorum')}>
        <select id={id('quorum')} value={quorum} onChange={(e) => setQuorum(e.target.value)}>
          <option value="">{t('consentUi.rules.all')}</option>
          {chosen.map((_, i) => (
            <option key={i + 1} value={String(i + 1)}>
              {t('consentUi.rules.atLeast', { n: i + 1 })}
            </option>
          ))}
        </select>
      </Field>
      <Field id={id('note')} label={t('consentUi.rules.note')}>
        <textarea id={id('note')} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <p className="note">{t('consentUi.rules.keeps')}</p>
      <FormFeedback write={w} savedText={t('consentUi.rules.saved')} submitText={t('consentUi.rules.submit')} />
    </form>
  );
}
