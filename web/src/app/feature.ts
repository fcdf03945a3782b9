/**
 * @module What a web feature is, in one definition: its pages (path, component, navigation
 * label, which ability shows it) and its translations. Each feature exports one from
 * `features/<name>/index.ts`; web/src/app/capabilities.ts lists them, and the navigation, the
 * page switch (App.tsx) and the translation resources are derived from that list.
 */
import type { ComponentType } from 'react';
import type { SessionAbilities } from '../../../src/contract/abilities.ts';
import type { Lang } from '../i18n/languages.ts';

export interface PageDef<Id extends string = string> {
  /** Also its test id in the navigation (`nav-<id>`). */
  id: Id;
  path: string;
  /** A page behind React.lazy is its own chunk (maps and charts load only where used). */
  component: ComponentType;
  /**
   * The translation key of its name in the navigation and the window title. A plain string: a
   * typed key would make the messages' type depend on itself (they are built from this list);
   * test/unit/web-features.test.ts checks every label exists in every language.
   */
  label: string;
  /** Shown in the navigation only to accounts with this ability (absent: to every account). */
  ability?: keyof SessionAbilities;
}

/** A feature's messages under its own key (`monitoringUi`), in every language. */
export type Translations<Key extends string, M> = { key: Key; en: M } & { [L in Exclude<Lang, 'en'>]: M };

/** English is the reference: a key missing in another language fails type-checking here. */
export function translations<const Key extends string, M>(
  t: { key: Key; en: M } & { [L in Exclude<Lang, 'en'>]: NoInfer<M> },
): Translations<Key, M> {
  return t;
}

export interface Feature<
  Name extends string = string,
  Id extends string = string,
  T extends Translations<string, unknown> | undefined = Translations<string, unknown> | undefined,
> {
  name: Name;
  pages: readonly PageDef<Id>[];
  translations: T;
}

export function defineFeature<
  const Name extends string,
  const Id extends string,
  T extends Translations<string, unknown> | undefined = undefined,
>(feature: Feature<Name, Id, T>): Feature<Name, Id, T> {
  return feature;
}

/** The messages of a list of features, each under its key (features without messages add none). */
export type FeatureMessages<F> = {
  [X in F as X extends { translations: Translations<infer K, unknown> } ? K : never]: X extends {
    translations: Translations<string, infer M>;
  }
    ? M
    : never;
};
