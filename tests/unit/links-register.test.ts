// @vitest-environment node
// Links that never break: every address the guide has published (src/machine/published-addresses.json)
// still leads to its step on the built site, served as a plain static host serves it (a folder's
// index.html, 404.html for anything else, no fallback to the app): the same step, or one redirect
// hop to the successor that the flow's declared changes (src/machine/successors.ts) give it. Never
// the not-found page, never back at the first question, never another outcome without a reason.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { pageFile } from '../../scripts/prerender';
import { currentEntries, formatRegister, grown, REGISTER_FILE } from '../../scripts/register';
import { PUBLISHED, resolvePublished, stepName, successorOf, type Published } from '../../src/app/published';
import { decode } from '../../src/app/url';
import { LANGS } from '../../src/content/langs';
import { askedBecause, carryOver, CHANGES, FLOW_VERSION, REASONS, reroutedBecause } from '../../src/machine/successors';
import { outcomeUrl } from '../../src/shop/PrintButton';
import { built, root } from './built';
import { allPaths } from './paths';

let dir: string;
beforeAll(async () => {
  ({ dir } = await built());
}, 120_000);

type Served = { status: 200; html: string } | { status: 404 };

/** What a plain static host answers for an address: its folder's index.html, or 404. */
function serve(address: string): Served {
  const file = path.join(dir, pageFile(address));
  return fs.existsSync(file) ? { status: 200, html: fs.readFileSync(file, 'utf8') } : { status: 404 };
}

/** The step a served page shows: `question:<id>` / `outcome:<id>`, or what else it is. */
function shown(html: string): string {
  if (html.includes('data-not-found')) return 'the not-found page';
  const hooks = [...html.matchAll(/data-(question|outcome)="([^"]*)"/g)].map((m) => `${m[1]}:${m[2]}`);
  return hooks.length === 1 ? hooks[0]! : `no single step (${hooks.join(', ') || 'none'})`;
}

const refresh = (html: string) => html.match(/<meta http-equiv="refresh" content="0; url=([^"]*)"/)?.[1];

/** Follows an address the way a browser would on a static host; returns each problem found. */
function problemsOf(entry: Published): string[] {
  const out: string[] = [];
  const said = `${entry.path} (showed ${entry.step})`;
  const first = serve(entry.path);
  if (first.status === 404) return [`${said}: 404, the not-found page`];
  const next = successorOf(entry);
  const hop = refresh(first.html);
  let page = first.html;
  if (hop !== undefined) {
    if (hop !== next.path) out.push(`${said}: redirects to ${hop}, but its declared successor is ${next.path}`);
    if (/<script/i.test(first.html)) out.push(`${said}: its redirect page has a script`);
    if (!first.html.includes(`<link rel="canonical" href="http://127.0.0.1:4173${hop}" />`))
      out.push(`${said}: its redirect page does not name ${hop} canonical`);
    if (!first.html.includes(`<a href="${hop}">`)) out.push(`${said}: its redirect page has no plain link to ${hop}`);
    const second = serve(hop);
    if (second.status === 404) return [...out, `${said}: redirects to ${hop}, which is 404`];
    if (refresh(second.html) !== undefined)
      return [...out, `${said}: more than one redirect hop (${hop} redirects again)`];
    if (!second.html.includes(`data-path="${hop}"`)) out.push(`${said}: ${hop} is not the page of that address`);
    page = second.html;
  } else if (next.path !== entry.path) {
    out.push(
      `${said}: now a page of another step, though it leads to ${next.path}: an address reused for a new meaning`,
    );
  }
  const now = shown(page);
  if (now !== next.step) out.push(`${said}: the page shows ${now}, the machine gives ${next.step}`);
  if (now === entry.step) return out;
  const migrated = carryOver(entry.answers, entry.flow);
  const declared = JSON.stringify(migrated) !== JSON.stringify(entry.answers);
  const [kind, id] = now.split(':') as [string, string];
  const because =
    kind === 'question' ? askedBecause(id, entry.flow) : reroutedBecause(entry.step.split(':')[1]!, id, entry.flow);
  if (!declared && !because)
    out.push(`${said}: now shows ${now}, and no change declared in src/machine/successors.ts accounts for it`);
  // A different step: only the one the flow's declared changes lead to, and only a safe one.
  if (now === 'question:situation' && entry.step !== 'question:situation')
    out.push(`${said}: back at the first question`);
  if (now.startsWith('outcome:') && entry.step.startsWith('outcome:')) {
    const from = entry.step.slice('outcome:'.length);
    const to = now.slice('outcome:'.length);
    if (!reroutedBecause(from, to, entry.flow))
      out.push(`${said}: now shows ${now}, with no reason recorded (successors.ts \`rerouted\`)`);
  }
  for (const [q, v] of Object.entries(next.kept))
    if (migrated[q] !== v) out.push(`${said}: its answer ${q} became ${v}, which its declared reading does not give`);
  if (now.startsWith('question:') && Object.keys(next.kept).length === 0 && Object.keys(entry.answers).length > 0)
    out.push(`${said}: its earlier answers were all lost`);
  return out;
}

describe('the register of published addresses', () => {
  it('holds every address the build publishes today (run `npm run register` after a change to the flow)', () => {
    const missing = grown(PUBLISHED).slice(PUBLISHED.length);
    expect(
      missing.map((e) => e.path),
      'addresses published but not in the register',
    ).toEqual([]);
    expect(PUBLISHED.length).toBeGreaterThanOrEqual(450);
  });

  it('is written the way scripts/register.ts writes it, each address once', () => {
    expect(fs.readFileSync(path.join(root, REGISTER_FILE), 'utf8')).toBe(formatRegister(PUBLISHED));
    expect(new Set(PUBLISHED.map((e) => e.path)).size).toBe(PUBLISHED.length);
    for (const e of PUBLISHED) expect(LANGS as readonly string[], e.path).toContain(e.lang);
  });

  it('every published address still leads to its step on a plain static host', () => {
    const problems = PUBLISHED.flatMap(problemsOf);
    expect(problems, problems.slice(0, 20).join('\n')).toEqual([]);
  });

  it('the app reads every published address the same way (decode, then the register for a retired one)', () => {
    for (const entry of PUBLISHED) {
      const next = successorOf(entry);
      const d = decode(entry.path);
      if (next.path === entry.path) {
        expect(d.notFound, entry.path).toBe(false);
        expect(stepName(d.snapshot), entry.path).toBe(entry.step === next.step ? entry.step : next.step);
      } else {
        expect(d.notFound || stepName(d.snapshot) !== next.step, entry.path).toBe(true);
        expect(resolvePublished(entry.path), entry.path).toBe(next.path);
        expect(resolvePublished(entry.path.slice(0, -1) || '/'), `${entry.path} without its slash`).toBe(
          entry.path === '/' ? null : next.path,
        );
      }
    }
  });

  it('the shop’s QR code and printed checklist open an address in the register, for every outcome', () => {
    vi.stubGlobal('window', { location: { origin: 'https://guide.example' } });
    try {
      const known = new Set(PUBLISHED.map((e) => e.path));
      for (const lang of [undefined, 'en', 'easy'])
        for (const p of allPaths()) {
          const url = new URL(outcomeUrl(p.answers, lang));
          expect(known.has(url.pathname), url.pathname).toBe(true);
          expect(url.search, url.pathname).toBe('');
        }
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('the entries of today’s flow are exactly today’s steps (the walk the build prerenders)', () => {
    const today = new Map(currentEntries().map((e) => [e.path, e.step]));
    const ofToday = PUBLISHED.filter((e) => e.flow === FLOW_VERSION);
    expect(ofToday.map((e) => [e.path, e.step])).toEqual(ofToday.map((e) => [e.path, today.get(e.path)]));
  });
});

describe('the declared changes to the flow (src/machine/successors.ts)', () => {
  it('each has its reasons, and the newest is the flow the register records today', () => {
    expect(CHANGES.map((c) => c.version)).toEqual(Object.keys(REASONS).map(Number));
    expect(Math.max(1, ...CHANGES.map((c) => c.version))).toBe(FLOW_VERSION);
    for (const r of Object.values(REASONS)) expect(r.why.length).toBeGreaterThan(20);
  });
});
