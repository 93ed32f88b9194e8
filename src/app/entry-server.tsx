// Server rendering, used at build time only (scripts/prerender.ts): every step a person can reach
// (each question and outcome the machine can reach, in every language) as a page of its own, and
// the not-found page. The same components and words as the app, at the address of the page, so
// the app hydrates each page without a second render.
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { ensureLanguage, HTML_LANG, i18n, LANGS, plainText, type Lang } from '../content/i18n';
import { loadOutcome } from './lazyOutcome';
import type { Answers } from '../machine/questions';
import { replay } from '../machine/replay';
import { stepOf } from '../machine/step';
import { pageDescription, pageTitle } from '../content/title';
import { encode } from './url';
import { PUBLISHED, retired } from './published';
import { stepAnswers } from '../machine/walk';

export type Page = {
  /** The page's address (its file is dist/<path>index.html). */
  path: string;
  html: string;
  title: string;
  description: string;
  /** The `<html lang>` and the language's id. */
  htmlLang: string;
  lang: Lang;
  kind: 'question' | 'outcome' | 'notFound';
  /** The same step in every language: language id → address. */
  alternates: Record<string, string>;
  /** The guide's name, in the page's language (og:site_name). */
  siteName: string;
};

function renderApp(path: string): string {
  return renderToString(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App path={path} />
      </I18nextProvider>
    </StrictMode>,
  );
}

/** One step as a page, in one language (its words loaded first). */
export async function renderPage(answers: Answers, lang: Lang): Promise<Page> {
  await ensureLanguage(lang);
  const path = encode(answers, { lang });
  const step = stepOf(replay(answers as Record<string, string>).snapshot);
  if (step.kind === 'outcome') await loadOutcome(lang);
  const t = i18n.getFixedT(lang);
  const description = pageDescription(t, step);
  const alternates = Object.fromEntries(LANGS.map((l) => [l, encode(answers, { lang: l })]));
  return {
    path,
    html: renderApp(path),
    title: pageTitle(t, step, false, answers),
    description,
    htmlLang: HTML_LANG[lang],
    lang,
    kind: step.kind,
    alternates,
    siteName: plainText(t('ui:names.guide')),
  };
}

/** The page for an address that is no step (served by the host as 404.html), in Japanese. */
export async function renderNotFound(): Promise<Page> {
  const lang: Lang = 'ja';
  await ensureLanguage(lang);
  const t = i18n.getFixedT(lang);
  const path = '/404.html';
  return {
    path,
    html: renderApp(path),
    title: pageTitle(t, null),
    description: pageDescription(t, null),
    htmlLang: HTML_LANG[lang],
    lang,
    kind: 'notFound',
    alternates: {},
    siteName: plainText(t('ui:names.guide')),
  };
}

export { LANGS } from '../content/i18n';
export { stepAnswers };

export type Redirect = { path: string; target: string; lang: Lang; htmlLang: string; title: string; link: string };

/**
 * A page at each published address that is no longer a step (src/app/published.ts): the host
 * serves it as it would the step, and it sends the browser on to the step the address now leads to.
 */
export async function renderRedirects(): Promise<Redirect[]> {
  const out: Redirect[] = [];
  const current = new Set(LANGS.flatMap((lang) => stepAnswers().map((a) => encode(a, { lang }))));
  for (const [path, target] of retired()) {
    if (current.has(path)) continue; // an address reused for another step: the register's test names it
    const entry = PUBLISHED.find((e) => e.path === path)!;
    const lang = entry.lang as Lang;
    await ensureLanguage(lang);
    const t = i18n.getFixedT(lang);
    out.push({ path, target, lang, htmlLang: HTML_LANG[lang], title: t('ui:moved.title'), link: t('ui:moved.link') });
  }
  return out;
}
