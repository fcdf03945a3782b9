import { useTranslation } from 'react-i18next';

/** Proper names of the source, the same in every language. */
const BOUNDARIES_SOURCE = 'geoBoundaries / Open Data Watch (CC BY 4.0)';

/** The boundary data is CC BY 4.0: the credit must appear wherever the UI may show it. */
export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="app-footer">
      <p>{t('footer.about')}</p>
      <p data-testid="boundaries-credit">
        {t('footer.creditLabel')}{' '}
        {/* bdi keeps the Latin credit and its parentheses in order inside Arabic and Hebrew text. */}
        <bdi dir="ltr" lang="en">
          {BOUNDARIES_SOURCE}
        </bdi>
        <span className="app-footer__sep" aria-hidden="true">
          {' '}
          ·{' '}
        </span>
        <a href="https://creativecommons.org/licenses/by/4.0/" rel="license noreferrer">
          {t('footer.licence')}
        </a>
      </p>
    </footer>
  );
}
