// Shared pieces of the browser suite: the paths through the machine, the sizes, a guard that
// records console errors / page errors / failed or foreign requests, axe, and layout checks.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { initialTransition } from 'xstate';
import { getSimplePaths } from 'xstate/graph';
import { inject } from 'vitest';
import { answerEvent, guideMachine, questionOfEvent, type AnswerEvent } from '../../src/machine/guide';
import type { OutcomeId, QuestionId } from '../../src/machine/questions';
import { stepOf, type GuideSnapshot } from '../../src/machine/step';
import i18next from 'i18next';
import { plainText } from '../../src/content/i18n';
import { WORDED_BY } from '../../src/content/wordedBy';
import { decode, encode, type Settings } from '../../src/app/url';
import jaUi from '../../content/ja/ui.json';
import jaQuestions from '../../content/ja/questions.json';
import jaOutcomes from '../../content/ja/outcomes.json';
import enUi from '../../content/en/ui.json';
import enQuestions from '../../content/en/questions.json';
import enOutcomes from '../../content/en/outcomes.json';
import easyUi from '../../content/easy/ui.json';
import easyQuestions from '../../content/easy/questions.json';
import easyOutcomes from '../../content/easy/outcomes.json';
import { keyShaped } from '../unit/keys';

export const baseURL = (): string => inject('baseURL');

export function connect(): Promise<Browser> {
  return chromium.connect(inject('wsEndpoint'), { timeout: 60_000 });
}

// ---------------------------------------------------------------- sizes

export type Size = { name: string; width: number; height: number; touch: boolean; mobile: boolean };

export const SIZES: readonly Size[] = [
  { name: 'phone-390x844', width: 390, height: 844, touch: true, mobile: true },
  { name: 'tablet-768x1024', width: 768, height: 1024, touch: true, mobile: false },
  { name: 'tablet-1024x768', width: 1024, height: 768, touch: true, mobile: false },
];

export function newContext(
  browser: Browser,
  size: Size,
  extra: Parameters<Browser['newContext']>[0] = {},
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: size.width, height: size.height },
    hasTouch: size.touch,
    isMobile: size.mobile,
    deviceScaleFactor: size.mobile ? 2 : 1,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    ...extra,
  });
}

// ---------------------------------------------------------------- paths through the machine

export type PathStep = { question: QuestionId; answer: string };
/** `address`: the outcome's page, in Japanese (answers as path segments: /change/yes/…/). */
export type GuidePath = { answers: PathStep[]; outcome: OutcomeId; address: string };

function eventsFor(snapshot: GuideSnapshot): AnswerEvent[] {
  const step = stepOf(snapshot);
  return step.kind === 'question' ? step.answers.map((a) => answerEvent(step.question, a)) : [];
}

/** Every simple path from the first question to an outcome (xstate/graph, exhaustive). */
export function outcomePaths(): GuidePath[] {
  const paths = getSimplePaths(guideMachine, { events: eventsFor });
  const out: GuidePath[] = [];
  for (const p of paths) {
    const end = stepOf(p.state);
    if (end.kind !== 'outcome') continue;
    // Every path's steps begin with the xstate.init step: skip it.
    const answers = p.steps
      .filter((s) => s.event.type.startsWith('answer.'))
      .map((s) => ({ question: questionOfEvent(s.event), answer: String(s.event.value) }));
    out.push({ answers, outcome: end.outcome, address: addressOf(answers) });
  }
  return out.sort((a, b) => a.address.localeCompare(b.address));
}

/** The address (path, and query for settings) of the step these answers lead to (src/app/url.ts). */
export function addressOf(answers: readonly PathStep[], settings: Settings = {}): string {
  return encode(Object.fromEntries(answers.map((a) => [a.question, a.answer])), settings);
}

/** The first page in a language: / (Japanese), /en/, /easy/. */
export function startOf(lang: Lang): string {
  return addressOf([], { lang });
}

/** The first screen's question id, from the machine (not hard-coded). */
export function firstQuestion(): QuestionId {
  const step = stepOf(initialTransition(guideMachine)[0]);
  if (step.kind !== 'question') throw new Error('the guide starts with an outcome');
  return step.question;
}

/**
 * A covering subset: every outcome, every answer of every question, and every outcome reached
 * with every answer that changes its wording (variants) — greedily, each path adds something new.
 */
export function coveringPaths(all: readonly GuidePath[], variants = true): GuidePath[] {
  const need = new Set<string>();
  // With `variants`, every answer-dependent variant of an outcome too (each outcome reached with
  // each answer); without, every outcome and every answer once, which is every question and every
  // outcome screen: what the slower suites need (tests/unit walks every path in every language).
  const keysOf = (p: GuidePath) => [
    `outcome:${p.outcome}`,
    ...p.answers.map((a) => `answer:${a.question}=${a.answer}`),
    ...(variants ? p.answers.map((a) => `variant:${p.outcome}:${a.question}=${a.answer}`) : []),
  ];
  for (const p of all) for (const k of keysOf(p)) need.add(k);
  const chosen: GuidePath[] = [];
  while (need.size > 0) {
    let best: GuidePath | undefined;
    let bestGain = 0;
    for (const p of all) {
      const gain = keysOf(p).filter((k) => need.has(k)).length;
      if (gain > bestGain) [best, bestGain] = [p, gain];
    }
    if (!best) break;
    chosen.push(best);
    for (const k of keysOf(best)) need.delete(k);
  }
  return chosen;
}

// ---------------------------------------------------------------- expected text

export type Lang = 'ja' | 'en' | 'easy';

/** The words, straight from content/ (the app loads some of them lazily; the test needs them all now). */
export const words = i18next.createInstance();
void words.init({
  lng: 'ja',
  fallbackLng: false,
  ns: ['ui', 'questions', 'outcomes'],
  defaultNS: 'ui',
  resources: {
    ja: { ui: jaUi, questions: jaQuestions, outcomes: jaOutcomes },
    en: { ui: enUi, questions: enQuestions, outcomes: enOutcomes },
    easy: { ui: easyUi, questions: easyQuestions, outcomes: easyOutcomes },
  },
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** Answers given so far, as a record or as the steps of a walk. */
export type Given = Readonly<Record<string, string>> | readonly { question: string; answer: string }[];

/**
 * A question's title key after `given`: some questions read differently after an earlier answer
 * (src/content/wordedBy.ts; the words under `title_<answer>`).
 */
function titleKey(question: QuestionId, given: Given, lang: Lang): string {
  const answers: Record<string, string> = Array.isArray(given)
    ? Object.fromEntries(given.map((g) => [g.question, g.answer]))
    : (given as Record<string, string>);
  const by = WORDED_BY[question];
  const value = by ? answers[by] : undefined;
  const base = `questions:${question}.title`;
  return value !== undefined && words.exists(`${base}_${value}`, { lng: lang }) ? `${base}_${value}` : base;
}

export function expectedTitle(
  step: { question?: QuestionId; outcome?: OutcomeId },
  lang: Lang = 'ja',
  given: Given = {},
): string {
  const t = words.getFixedT(lang);
  const title = step.question
    ? t('ui:meta.titleQuestion', { step: t(titleKey(step.question, given, lang)) })
    : t('ui:meta.titleOutcome', { step: t(`outcomes:${step.outcome}.title`) });
  if (/questions:|outcomes:|ui:/.test(title)) throw new Error(`missing words for a title: ${title}`);
  return plainText(title);
}

/** The answers an address stands for (its step's wording may depend on them). */
export function givenOf(address: string): Record<string, string> {
  const url = new URL(address, 'http://guide.test');
  return decode(url.pathname, url.search).kept as Record<string, string>;
}

/** A step's heading (its h1) as plain text: ruby keeps its base text. */
export function expectedHeading(
  step: { question?: QuestionId; outcome?: OutcomeId },
  lang: Lang = 'ja',
  given: Given = {},
): string {
  const t = words.getFixedT(lang);
  const key = step.question ? titleKey(step.question, given, lang) : `outcomes:${step.outcome}.title`;
  if (!t(key) || t(key) === key) throw new Error(`missing words for a heading: ${key}`);
  return plainText(t(key)).replace(/\s+/g, ' ').trim();
}

/** Waits until the app has rendered (html[data-app]): before that, an answer is a plain link. */
export async function appStarted(page: Page): Promise<void> {
  await page.locator('html[data-app]').waitFor({ state: 'attached' });
}

/**
 * Waits until the step itself is the app's. html[data-app] is set when the app first commits, but
 * React hydrates a prerendered step inside a Suspense boundary later; a `toggle` reaching it before
 * is lost (clicks are replayed). React marks the nodes it owns with a `__reactFiber$…` property.
 */
export async function stepHydrated(page: Page): Promise<void> {
  await appStarted(page);
  await page.waitForFunction(() => {
    const step = document.querySelector('[data-question], [data-outcome], [data-not-found]');
    return step !== null && Object.keys(step).some((k) => k.startsWith('__reactFiber$'));
  });
}

/**
 * The page's visible text (and its <title>) shaped like a content key (`lost-suspend.title`): a
 * missing word shown as its key (issue 29). Empty when there is none.
 */
export async function keyShapedText(page: Page): Promise<string[]> {
  return keyShaped(await page.evaluate(() => `${document.title}\n${document.body.innerText}`));
}

// ---------------------------------------------------------------- page guard

/** Records everything that must not happen on any step. */
export class PageGuard {
  problems: string[] = [];
  /** When the page last started loading a new document (page.goto / reload). */
  private loadedAt = 0;
  constructor(
    readonly page: Page,
    readonly origin: string,
  ) {
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'assert') this.problems.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => this.problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      const url = r.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      if (new URL(url).origin !== origin) this.problems.push(`request to another origin: ${r.method()} ${url}`);
    });
    page.on('requestfailed', (r) => {
      const error = r.failure()?.errorText ?? '';
      // A request of the previous document that the test's own navigation cancelled (the favicon,
      // a lazy chunk still loading) is not a failure of the site.
      if (error === 'net::ERR_ABORTED' && (this.navigating || r.timing().startTime < this.loadedAt)) return;
      this.problems.push(`request failed: ${r.url()} (${error})`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) this.problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
  }
  /** While the test itself navigates, an aborted request of the old document is its doing. */
  private navigating = false;
  /** page.goto, noting the time so that requests it cancels are not counted as failures. */
  async goto(url: string): Promise<void> {
    this.loadedAt = Date.now();
    this.navigating = true;
    try {
      await this.page.goto(url, { waitUntil: 'load' });
    } finally {
      this.navigating = false;
    }
  }
  async reload(): Promise<void> {
    this.loadedAt = Date.now();
    this.navigating = true;
    try {
      await this.page.reload({ waitUntil: 'load' });
    } finally {
      this.navigating = false;
    }
  }
  /** Throws with every problem seen since the last call, naming where. */
  check(where: string): void {
    const found = this.problems.splice(0);
    if (found.length) throw new Error(`${where}:\n  ${found.join('\n  ')}`);
  }
}

// ---------------------------------------------------------------- axe

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Runs axe-core on the page; returns a printable list of violations (empty when clean). */
/** axe-core itself (the engine behind @axe-core/playwright), injected once per document. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; failureSummary?: string }[];
};

export async function axeViolations(page: Page): Promise<string[]> {
  // axe runs in the page itself, like @axe-core/playwright's legacy mode, but is injected once per
  // document rather than twice per run (the walks tap through several steps of one document), and
  // reads only violations (axe then skips building selectors for every passing node). Sound only
  // while the guide has no frames: checked. DevTools evaluation is not subject to the page's CSP.
  if (page.frames().length !== 1) throw new Error(`the page has ${page.frames().length} frames: axe would miss them`);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe
        .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((r) =>
          r.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            helpUrl: v.helpUrl,
            nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
          })),
        ),
    AXE_TAGS,
  );
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}\n${v.nodes
        .map((n) => `      ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`)
        .join('\n')}`,
  );
}

// ---------------------------------------------------------------- layout

export type LayoutReport = {
  lang: string | null;
  title: string;
  scrollWidth: number;
  clientWidth: number;
  smallTargets: string[];
  outside: string[];
  clipped: string[];
};

/** Layout facts of the current step, measured in the page. */
export function measureLayout(page: Page): Promise<LayoutReport> {
  return page.evaluate(() => {
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const data = [...el.attributes]
        .filter((a) => a.name.startsWith('data-'))
        .map((a) => `[${a.name}=${a.value}]`)
        .join('');
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${id}${cls}${data} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    };
    const hidden = (el: Element) => el.closest('.visually-hidden, .skip-link, [hidden]') !== null;
    const vw = document.documentElement.clientWidth;
    const smallTargets: string[] = [];
    for (const el of document.querySelectorAll('[data-answer], [data-action]')) {
      const r = el.getBoundingClientRect();
      if (r.width < 44 || r.height < 44)
        smallTargets.push(`${describe(el)} ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
    }
    const outside: string[] = [];
    const clipped: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (hidden(el)) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      // Sticking out to the right or the left of the viewport (cut off or needing a sideways scroll).
      if (r.right > vw + 0.5 || r.left < -0.5)
        outside.push(`${describe(el)} [${r.left.toFixed(0)}, ${r.right.toFixed(0)}] of ${vw}`);
      // Content cut by its own box.
      const clips = ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY);
      if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))
        clipped.push(`${describe(el)} ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`);
    }
    const se = document.scrollingElement!;
    return {
      lang: document.documentElement.getAttribute('lang'),
      title: document.title,
      scrollWidth: se.scrollWidth,
      clientWidth: se.clientWidth,
      smallTargets,
      outside: outside.slice(0, 10),
      clipped: clipped.slice(0, 10),
    };
  });
}

export function layoutProblems(l: LayoutReport): string[] {
  const out: string[] = [];
  if (l.scrollWidth > l.clientWidth)
    out.push(`scrolls sideways: scrollWidth ${l.scrollWidth} > clientWidth ${l.clientWidth}`);
  for (const t of l.smallTargets) out.push(`answer control smaller than 44×44: ${t}`);
  for (const o of l.outside) out.push(`outside the viewport: ${o}`);
  for (const c of l.clipped) out.push(`clipped: ${c}`);
  return out;
}

// ---------------------------------------------------------------- screenshots

export const SCREENS_DIR = resolve('artifacts/screens');

export async function screenshot(page: Page, size: string, name: string): Promise<void> {
  // Screenshots are for people to look at (artifacts/screens/); CI has nobody to look, so it skips
  // them unless E2E_SCREENSHOTS=1. Everything a screenshot shows is also asserted.
  if (process.env.CI && process.env.E2E_SCREENSHOTS !== '1') return;
  mkdirSync(resolve(SCREENS_DIR, size), { recursive: true });
  await page.screenshot({
    path: resolve(SCREENS_DIR, size, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
    scale: 'css',
  });
}

/** A file name for a step: the answers that lead to it. */
export function stepName(answers: readonly PathStep[], end: string): string {
  const prefix = answers.map((a) => `${a.question}-${a.answer}`).join('_') || 'start';
  return `${prefix}__${end}`;
}

/** A page on the shared browser at `size`, watched by a PageGuard; `close()` ends both. */
export async function openGuardedPage(size: Size, extra: Parameters<Browser['newContext']>[0] = {}) {
  const browser = await connect();
  const context = await newContext(browser, size, extra);
  const page = await context.newPage();
  const guard = new PageGuard(page, new URL(baseURL()).origin);
  const close = async () => {
    await context.close();
    await browser.close();
  };
  return { browser, context, page, guard, close };
}
