/**
 * @module Sign-in. The form only collects input; checking, calling the API and explaining
 * failures is done by the session store (store/session.ts).
 */
import { useEffect, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Footer } from '../components/Footer.tsx';
import { Brand } from '../components/Header.tsx';
import { LanguageSelect } from '../components/LanguageSelect.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { describeError } from '../components/describeError.ts';
import { MAIN_ID, SkipLink } from '../components/Shell.tsx';
import { useSession } from '../store/hooks.ts';
import { signIn, type SessionState } from '../store/session.ts';

// Fixed ids: there is one sign-in form, and the error summary links to its fields by id.
const ids = {
  email: 'sign-in-email',
  password: 'sign-in-password',
  emailError: 'sign-in-email-error',
  passwordError: 'sign-in-password-error',
};

export function SignInPage({ reason }: { reason: 'none' | 'expired' | 'signedOut' }) {
  const { t } = useTranslation();
  const state = useSession((s) => s.signIn);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errorRef = useRef<HTMLDivElement>(null);
  const hasProblem = state.error !== null || state.fields.email !== undefined || state.fields.password !== undefined;

  useEffect(() => {
    document.title = `${t('signIn.title')} · Truce`;
  }, [t]);

  // Bring keyboard and screen-reader users to the explanation after a failed attempt.
  useEffect(() => {
    if (hasProblem) errorRef.current?.focus();
  }, [state, hasProblem]);

  return (
    <div className="app app--signed-out">
      <SkipLink />
      <header className="app-header app-header--slim">
        <Brand />
        <div className="app-header__tools">
          <LanguageSelect />
        </div>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="sign-in">
        <div className="sign-in__panel">
          <PageHeading>{t('signIn.title')}</PageHeading>
          <p className="lede">{t('signIn.intro')}</p>
          {reason !== 'none' && !hasProblem && (
            <p className="notice notice--info" role="status">
              {reason === 'expired' ? t('signIn.expired') : t('signIn.signedOut')}
            </p>
          )}
          {hasProblem && <ErrorSummary ref={errorRef} state={state} />}
          <form
            data-testid="sign-in-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void signIn(email, password);
            }}
          >
            <div className={`field${state.fields.email ? ' field--error' : ''}`}>
              <label htmlFor={ids.email}>{t('signIn.email')}</label>
              {state.fields.email && (
                <p id={ids.emailError} className="field__error">
                  {t(`signIn.fields.${state.fields.email}`)}
                </p>
              )}
              <input
                id={ids.email}
                name="email"
                type="email"
                autoComplete="username"
                inputMode="email"
                spellCheck={false}
                dir="ltr"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                aria-invalid={state.fields.email ? true : undefined}
                aria-describedby={state.fields.email ? ids.emailError : undefined}
              />
            </div>
            <div className={`field${state.fields.password ? ' field--error' : ''}`}>
              <label htmlFor={ids.password}>{t('signIn.password')}</label>
              {state.fields.password && (
                <p id={ids.passwordError} className="field__error">
                  {t(`signIn.fields.${state.fields.password}`)}
                </p>
              )}
              <input
                id={ids.password}
                name="password"
                type="password"
                autoComplete="current-password"
                dir="ltr"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={state.fields.password ? true : undefined}
                aria-describedby={state.fields.password ? ids.passwordError : undefined}
              />
            </div>
            <button type="submit" className="button" disabled={state.pending} aria-busy={state.pending}>
              {state.pending ? t('signIn.submitting') : t('signIn.submit')}
            </button>
          </form>
        </div>
      </main>
      <Footer />
    </div>
  );
}

interface SummaryProps {
  ref: Ref<HTMLDivElement>;
  state: SessionState['signIn'];
}

/** The GOV.UK pattern: one box that says what went wrong, with links to each bad field. */
function ErrorSummary({ ref, state }: SummaryProps) {
  const { t } = useTranslation();
  const fields = (['email', 'password'] as const).flatMap((f) => {
    const problem = state.fields[f];
    return problem ? [{ id: ids[f], text: t(`signIn.fields.${problem}`) }] : [];
  });
  return (
    <div ref={ref} tabIndex={-1} className="notice notice--error" role="alert" data-testid="sign-in-error">
      <h2 className="notice__title">{t('signIn.errorTitle')}</h2>
      {state.error && <p>{describeError(t, state.error, 'signIn')}</p>}
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f.id}>
              <a
                href={`#${f.id}`}
                onClick={(e) => {
                  // A fragment link scrolls but does not focus the input; do both.
                  e.preventDefault();
                  document.getElementById(f.id)?.focus();
                }}
              >
                {f.text}
              </a>
            </li>
          ))}
        </ul>
      )}
      {state.error?.kind === 'invalid' && state.error.fields.length > 0 && (
        <ul>
          {state.error.fields.map((f) => (
            <li key={f.path}>
              <bdi>{f.path}</bdi>: {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
