import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/index.ts';
import { isLang, LANGUAGES } from '../i18n/languages.ts';

/** Each language is named in itself, so a person who cannot read the current one finds theirs. */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="language-select">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        data-testid="language-select"
        value={i18n.resolvedLanguage ?? i18n.language}
        onChange={(e) => {
          if (isLang(e.target.value)) void changeLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code} dir={l.dir}>
            {l.label}
          </option>
        ))}
      </select>
    </div>
  );
}
