/**
 * @module One translated sentence for each kind of failure. Sign-in has its own wording for 401
 * and 429, because there they mean wrong credentials and too many attempts.
 */
import type { TFunction } from 'i18next';
import type { AppError } from '../store/errors.ts';

export function describeError(t: TFunction, error: AppError, context: 'signIn' | 'data'): string {
  switch (error.kind) {
    case 'network':
      return t('errors.network');
    case 'unauthorized':
      return context === 'signIn' ? t('errors.badCredentials') : t('errors.unauthorized');
    case 'rateLimited':
      return context === 'signIn' ? t('errors.rateLimitedSignIn') : t('errors.rateLimited');
    case 'forbidden':
      return t('errors.forbidden');
    case 'notFound':
      return t('errors.notFound');
    case 'invalid':
      return t('errors.invalid');
    case 'server':
      return t('errors.server', { status: error.status });
    case 'badResponse':
      return t('errors.badResponse');
    case 'unexpected':
      return t('errors.unexpected');
  }
}
