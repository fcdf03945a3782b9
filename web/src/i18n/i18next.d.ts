/**
 * Types every `t('key')` call against the English resource, so a misspelt key or an enum value
 * without a label fails type-checking.
 */
import 'i18next';
import type { Messages } from './resources.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
    returnNull: false;
  }
}
