// i18next, initialised synchronously with the Japanese content bundled, so the first screen (and
// the prerendered HTML) never waits for a request. Other languages (English, やさしい日本語) are
// lazy chunks: ensureLanguage(lang) loads every namespace of a language with a dynamic import()
// and switches to it once all are there, so a page never shows a mix of languages or raw keys.
import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import ui from '../../content/ja/ui.json';
import questions from '../../content/ja/questions.json';
import terms from '../../content/ja/terms.json';
import { DEFAULT_LANG, type Lang } from './langs';

export const NAMESPACES = ['ui', 'questions', 'outcomes', 'terms'] as const;
export { DEFAULT_LANG, HTML_LANG, LANGS, langOf, type Lang } from './langs';

// Every content file of every language, as a lazy chunk, except the Japanese ones bundled below
// (they are never loaded this way: keep this list in step with the imports at the top).
const contentFiles = import.meta.glob<{ default: Record<string, unknown> }>([
  '../../content/*/*.json',
  '!../../content/ja/ui.json',
  '!../../content/ja/questions.json',
  '!../../content/ja/terms.json',
]);

function fileOf(lang: Lang, ns: string): string {
  return `../../content/${lang}/${ns}.json`;
}

/**
 * The lazy content files as i18next's backend, so a screen can name the namespaces it needs and
 * wait for them (useTranslation([...]) suspends until i18next has loaded them: the overview).
 */
const lazyContent: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (lang, ns, done) => {
    const load = contentFiles[fileOf(lang as Lang, ns)];
    if (!load) return done(new Error(`no content file ${fileOf(lang as Lang, ns)}`), false);
    load().then(
      (mod) => done(null, mod.default),
      (err: unknown) => done(err instanceof Error ? err : new Error(String(err)), false),
    );
  },
};

export const i18n = i18next.createInstance();
// With initAsync: false and the resources of every namespace in `ns` given, init has finished when
// it returns (it has nothing to read). Its promise never rejects (i18next reports errors to init's
// callback), so there is nothing to await or catch.
void i18n
  .use(lazyContent)
  .use(initReactI18next)
  .init({
    lng: DEFAULT_LANG,
    fallbackLng: false,
    // The namespaces bundled: init would read any other one first.
    ns: ['ui', 'questions', 'terms'],
    defaultNS: 'ui',
    // Japanese `outcomes` words are a lazy chunk with the outcome screen (src/app/lazyOutcome.tsx).
    resources: { ja: { ui, questions, terms } },
    // The rest comes from the backend: without this, i18next would count a namespace as loaded.
    partialBundledLanguages: true,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    // A missing string renders as nothing, never as its key (`lost-suspend.title`) in front of a
    // reader; a default given with the key is kept. The unit tests fail on it (tests/unit/setup.ts).
    parseMissingKeyHandler: (_key, defaultValue) => defaultValue ?? '',
  });

/** True when every namespace of `lang` is here (its words can render at once). */
export function languageLoaded(lang: Lang): boolean {
  return NAMESPACES.every((ns) => i18n.hasResourceBundle(lang, ns));
}

const loading = new Map<Lang, Promise<void>>();

/** Load every namespace of `lang` that is not there yet (no-op when all are). */
export function loadLanguage(lang: Lang): Promise<void> {
  if (languageLoaded(lang)) return Promise.resolve();
  let p = loading.get(lang);
  if (!p) {
    p = Promise.all(
      NAMESPACES.filter((ns) => !i18n.hasResourceBundle(lang, ns)).map(async (ns) => {
        const load = contentFiles[fileOf(lang, ns)];
        if (!load) throw new Error(`no content file ${fileOf(lang, ns)}`);
        const mod = await load();
        i18n.addResourceBundle(lang, ns, mod.default, true, true);
      }),
    ).then(
      () => undefined,
      (err: unknown) => {
        loading.delete(lang); // let a later attempt retry (e.g. back online)
        throw err;
      },
    );
    loading.set(lang, p);
  }
  return p;
}

/** Switch the page's words to `lang` if it is loaded already; true when the switch happened. */
export function activateIfLoaded(lang: Lang): boolean {
  if (!languageLoaded(lang)) return false;
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
  return true;
}

/**
 * Load `lang` and switch to it. Call before the first render (main.tsx) so a link with ?lang=en
 * opens in English with no Japanese frame; the language switch calls it before moving.
 * Returns undefined when nothing has to wait (the language is already loaded and now active), so
 * the caller can render synchronously.
 */
export function ensureLanguage(lang: Lang): Promise<void> | undefined {
  wanted = lang;
  if (activateIfLoaded(lang)) return undefined;
  return loadLanguage(lang).then(() => {
    // A slow load must not switch back to a language the page has left meanwhile.
    if (wanted === lang) activateIfLoaded(lang);
  });
}

let wanted: Lang = DEFAULT_LANG;

export { plainText } from './markup';
