// The WebKit suite's pieces: a MiniBrowser session on WebKitGTK's WebDriver (selenium-webdriver)
// at a given size, and a guard that records script errors, CSP violations and requests to another
// origin in the page. The paths, addresses and expected words come from the Chromium suite's
// helpers (tests/e2e/helpers.ts), so both engines check the same things.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Builder, By, type WebDriver, type WebElement } from 'selenium-webdriver';
import { expect, inject } from 'vitest';
import { expectedHeading, expectedTitle, givenOf, type Lang } from '../e2e/helpers';
import type { OutcomeId, QuestionId } from '../../src/machine/questions';

export type Size = { name: string; width: number; height: number };
export const PHONE: Size = { name: 'phone-390x844', width: 390, height: 844 };
export const TABLET: Size = { name: 'tablet-768x1024', width: 768, height: 1024 };

export const baseURL = (): string => inject('baseURL');
export type Step = { question?: QuestionId; outcome?: OutcomeId; notFound?: true; overview?: true };
export const hook = (s: Step): string =>
  s.question
    ? `[data-question="${s.question}"]`
    : s.outcome
      ? `[data-outcome="${s.outcome}"]`
      : s.notFound
        ? '[data-not-found]'
        : '[data-overview]';

export const SHOTS_DIR = resolve('.tmp/webkit/screens');

/**
 * Installs the guard in the current document (WebDriver scripts are not subject to the page's
 * CSP). MiniBrowser's WebDriver has no console log endpoint and no init scripts, so it listens
 * from the moment it is installed; what happened before is seen through its effects (the app
 * started, the step rendered) and through the resource timing entries (nothing from elsewhere).
 */
function installGuard(): boolean {
  type W = typeof window & { __wk?: string[] };
  const w = window as W;
  if (w.__wk) return false;
  const seen: string[] = [];
  w.__wk = seen;
  addEventListener(
    'error',
    (e) => {
      const target = e.target as Element | null;
      if (target && target !== (window as unknown) && 'tagName' in target)
        seen.push(
          `failed to load <${target.tagName.toLowerCase()}> ${target.getAttribute('src') ?? target.getAttribute('href')}`,
        );
      else seen.push(`script error: ${e.message} (${e.filename}:${e.lineno})`);
    },
    true,
  );
  addEventListener('unhandledrejection', (e) => seen.push(`unhandled rejection: ${String(e.reason)}`));
  document.addEventListener('securitypolicyviolation', (e) =>
    seen.push(`CSP violation: ${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`),
  );
  const error = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    seen.push(`console.error: ${args.map(String).join(' ')}`);
    error(...args);
  };
  return true;
}

/** What the guard saw since the last call, and every request of this document to another origin. */
function readGuard(): { installed: boolean; seen: string[]; foreign: string[] } {
  const w = window as typeof window & { __wk?: string[]; __wkResources?: number };
  const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const foreign = entries
    .slice(w.__wkResources ?? 0)
    .map((e) => e.name)
    .filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== location.origin);
  w.__wkResources = entries.length;
  return { installed: !!w.__wk, seen: w.__wk?.splice(0) ?? [], foreign };
}

/** The step on screen: its hook, its h1 as plain text (ruby without its reading), what has focus. */
function readStep() {
  const step = document.querySelector('[data-question], [data-outcome], [data-not-found], [data-overview]');
  const h1 = document.querySelector('h1');
  let heading = '';
  if (h1) {
    const c = h1.cloneNode(true) as HTMLElement;
    c.querySelectorAll('rt, .term-meaning').forEach((e) => e.remove());
    heading = (c.textContent ?? '').replace(/\s+/g, ' ').trim();
  }
  const focused = document.activeElement;
  // React owns the nodes it has hydrated or rendered (a __reactFiber$… property): before that,
  // an answer is the prerendered page's plain link.
  const owned = step !== null && Object.keys(step).some((k) => k.startsWith('__reactFiber$'));
  return {
    app: document.documentElement.hasAttribute('data-app') && owned,
    step: step
      ? (['data-question', 'data-outcome', 'data-not-found', 'data-overview'] as const)
          .filter((a) => step.hasAttribute(a))
          .map((a) => `${a}=${step.getAttribute(a)}`)[0]!
      : '',
    heading,
    headings: document.querySelectorAll('h1').length,
    focus: focused ? `${focused.tagName.toLowerCase()}#${focused.id}` : '',
    address: location.pathname + location.search,
    title: document.title,
    lang: document.documentElement.lang,
  };
}

export type StepFacts = ReturnType<typeof readStep>;

// (React writes a boolean data attribute as "true".)
const hookOf = (s: Step) =>
  s.question
    ? `data-question=${s.question}`
    : s.outcome
      ? `data-outcome=${s.outcome}`
      : s.notFound
        ? 'data-not-found=true'
        : 'data-overview=true';

/** Polls `read` until it returns something `ok` accepts; returns the last value either way. */
export async function poll<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeout = 10_000): Promise<T> {
  const until = Date.now() + timeout;
  let v = await read();
  while (!ok(v) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    v = await read();
  }
  return v;
}

/** What a question or an outcome shows in `lang`: its heading, title, the page's language. */
function expectedFacts(step: Step, lang: Lang, address = '/'): Partial<StepFacts> {
  if (!step.question && !step.outcome) return {};
  return {
    heading: expectedHeading(step, lang, givenOf(address)),
    headings: 1,
    title: expectedTitle(step, lang, givenOf(address)),
    lang: lang === 'en' ? 'en' : 'ja',
  };
}

const pick = (facts: StepFacts, like: object): Partial<StepFacts> =>
  Object.fromEntries(Object.keys(like).map((k) => [k, facts[k as keyof StepFacts]]));

export class Session {
  /** Every problem the guard saw, until check() reports them. */
  private problems: string[] = [];
  /** Time spent in this session, by kind, for the report at the end. */
  readonly taps: number[] = [];
  private constructor(
    readonly driver: WebDriver,
    readonly size: Size,
    /** The site's origin (the suite's preview server unless a file serves its own). */
    readonly base: string,
  ) {}

  static async open(size: Size, base = baseURL()): Promise<Session> {
    const driver = new Builder()
      .usingServer(inject('driverURL'))
      .withCapabilities({
        browserName: 'MiniBrowser',
        // --full-screen: no toolbar, so the window's size is the viewport's (MiniBrowser's toolbar
        // also keeps the window at least 447 px wide, wider than a phone).
        'webkitgtk:browserOptions': { binary: inject('miniBrowser'), args: ['--automation', '--full-screen'] },
      })
      .build();
    const s = new Session(driver, size, base);
    try {
      await s.resize(size);
    } catch (e) {
      await driver.quit();
      throw e;
    }
    return s;
  }

  async resize(size: Size): Promise<void> {
    await this.driver.manage().window().setRect({ width: size.width, height: size.height });
    const viewport = await this.driver.executeScript<[number, number]>('return [innerWidth, innerHeight]');
    expect(viewport, 'the viewport is the size asked for').toEqual([size.width, size.height]);
  }

  async close(): Promise<void> {
    await this.driver.quit();
  }

  js<T>(fn: (...args: never[]) => T, ...args: unknown[]): Promise<Awaited<T>> {
    return this.driver.executeScript<Awaited<T>>(fn, ...args);
  }

  /** Collects what the guard saw so far (and installs it in a new document). */
  async collect(): Promise<void> {
    const { installed, seen, foreign } = await this.js(readGuard);
    this.problems.push(...seen, ...foreign.map((u) => `request to another origin: ${u}`));
    if (!installed) await this.js(installGuard);
  }

  /** Opens `path` (a full page load), waits for the app to own `step`, installs the guard. */
  async goto(path: string, step: Step): Promise<StepFacts> {
    await this.driver.get(`${this.base}${path}`);
    const facts = await this.until(step);
    await this.collect();
    return facts;
  }

  /** Waits until the app shows `step` (rendered or hydrated by the app, not the static page). */
  async until(step: Step, address?: string): Promise<StepFacts> {
    const want = hookOf(step);
    const facts = await poll(
      () => this.js(readStep),
      (f) => f.app && f.step === want && (address === undefined || f.address === address),
    );
    expect({ step: facts.step, app: facts.app, address: address ?? facts.address }, `waiting for ${want}`).toEqual({
      step: want,
      app: true,
      address: facts.address,
    });
    return facts;
  }

  find(selector: string): Promise<WebElement> {
    return this.driver.findElement(By.css(selector));
  }

  async count(selector: string): Promise<number> {
    return (await this.driver.findElements(By.css(selector))).length;
  }

  /**
   * Taps `selector` (WebDriver's element click: scrolled into view, a real pointer press at its
   * centre), then waits for `next` at `address` and checks what every move must do: the new step's
   * h1 has focus and reads right, the title and the page's language follow, nothing went wrong.
   */
  async tap(selector: string, next: Step, address: string, lang: Lang): Promise<StepFacts> {
    const t0 = performance.now();
    await (await this.find(selector)).click();
    await this.until(next, address);
    // Focus moves in an effect after the commit, and the page's language may follow the words a
    // moment later: wait for all of it (a tap here takes 0.1–0.3 s), then say what is wrong.
    const want = { ...expectedFacts(next, lang, address), focus: 'h1#step-heading' };
    const settled = await poll(
      () => this.js(readStep),
      (f) => Object.entries(want).every(([k, v]) => f[k as keyof StepFacts] === v),
      5000,
    );
    this.taps.push(performance.now() - t0);
    expect(pick(settled, want), `after tapping ${selector}: ${settled.address}`).toEqual(want);
    await this.check(`tap ${selector} → ${address}`);
    return settled;
  }

  /** The step's heading, title and language are the content's words for it. */
  expectStep(facts: StepFacts, step: Step, lang: Lang, where: string): void {
    const want = expectedFacts(step, lang, facts.address);
    expect(pick(facts, want), `${where}: ${facts.address}`).toEqual(want);
  }

  /** Browser Back (history), then waits for `step` at `address`. */
  async back(step: Step, address: string): Promise<StepFacts> {
    await this.driver.navigate().back();
    const facts = await this.until(step, address);
    await this.collect();
    return facts;
  }

  /** Throws with every problem seen since the last call. */
  async check(where: string): Promise<void> {
    await this.collect();
    const found = this.problems.splice(0);
    if (found.length)
      throw new Error(
        `${where}: script errors, CSP violations or foreign requests in WebKit:\n  ${found.join('\n  ')}`,
      );
  }

  /** The viewport as a PNG under .tmp/webkit/screens/<size>/<name>.png, for people to look at. */
  async screenshot(name: string): Promise<string> {
    const dir = resolve(SHOTS_DIR, this.size.name);
    mkdirSync(dir, { recursive: true });
    const file = resolve(dir, `${name}.png`);
    writeFileSync(file, await this.driver.takeScreenshot(), 'base64');
    return file;
  }
}
