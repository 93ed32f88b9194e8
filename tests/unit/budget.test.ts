// @vitest-environment node
// Weight budgets (the budgets in README.md, Performance), measured on a real production build:
// the JavaScript and CSS the first screen loads (index.html's module script, modulepreloads and
// stylesheets, plus their static imports), gzip -9 (node zlib level 9). Sizes are deterministic,
// so they are tests; timings are in `npm run bench`.
//
// When a budget is exceeded, the failure says by how much, which first-load chunk grew and which
// modules grew since tests/unit/budget.baseline.json (refresh it after a deliberate change:
// UPDATE_BUDGET_BASELINE=1 npx vitest run tests/unit/budget.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGET, firstScreen, type FirstScreenFile } from '../../scripts/first-screen.mjs';
import { built, root, type ChunkInfo } from './built';

type Baseline = { chunks: Record<string, number>; modules: Record<string, number> };
const BASELINE_FILE = path.join(root, 'tests/unit/budget.baseline.json');

let dir: string;
let chunks: ChunkInfo[];
let first: ReturnType<typeof firstScreen>;
let firstModules: Record<string, number>;

beforeAll(async () => {
  ({ dir, chunks } = await built());
  first = firstScreen(dir);
  firstModules = {};
  for (const f of first.files) Object.assign(firstModules, chunkOf(f)?.modules ?? {});
  if (process.env.UPDATE_BUDGET_BASELINE) {
    const baseline: Baseline = {
      chunks: Object.fromEntries(first.files.map((f) => [`${f.kind}:${f.name}`, f.gzip])),
      modules: Object.fromEntries(Object.entries(firstModules).sort(([a], [b]) => a.localeCompare(b))),
    };
    fs.writeFileSync(BASELINE_FILE, `${JSON.stringify(baseline, null, 2)}\n`);
  }
}, 120_000);

function chunkOf(f: FirstScreenFile): ChunkInfo | undefined {
  return chunks.find((c) => c.fileName === f.file);
}

const n = (x: number) => x.toLocaleString('en-US');

/** What to say when a budget is exceeded: the chunks, and what grew since the baseline. */
function explain(kind: 'js' | 'css', total: number, budget: number): string {
  const baseline: Baseline = fs.existsSync(BASELINE_FILE)
    ? (JSON.parse(fs.readFileSync(BASELINE_FILE, 'utf8')) as Baseline)
    : { chunks: {}, modules: {} };
  const lines = [
    `first-screen ${kind.toUpperCase()} is ${n(total)} bytes gzip -9: ${n(total - budget)} over the ${n(budget)} budget.`,
  ];
  lines.push('First-load files (gzip -9, change since tests/unit/budget.baseline.json):');
  for (const f of first.files.filter((x) => x.kind === kind)) {
    const was = baseline.chunks[`${f.kind}:${f.name}`];
    lines.push(
      `  ${f.file} (${f.name}): ${n(f.gzip)}${was === undefined ? ' (new chunk)' : ` (${f.gzip - was >= 0 ? '+' : ''}${n(f.gzip - was)})`}`,
    );
  }
  if (kind === 'js') {
    const grew = Object.entries(firstModules)
      .map(([id, size]) => ({ id, size, delta: size - (baseline.modules[id] ?? 0) }))
      .filter((m) => m.delta > 0)
      .sort((a, b) => b.delta - a.delta)
      .slice(0, 12);
    if (grew.length) {
      lines.push('Modules that grew or are new in the first load (minified bytes, before gzip):');
      for (const m of grew)
        lines.push(`  ${m.id}: ${n(m.size)} (+${n(m.delta)}${baseline.modules[m.id] === undefined ? ', new' : ''})`);
    }
    lines.push('Move what the first question does not need into a lazy chunk (dynamic import()).');
  }
  return lines.join('\n');
}

describe('first-screen weight (gzip -9)', () => {
  it(`JavaScript stays within ${n(BUDGET.js)} bytes`, () => {
    expect(
      first.files.some((f) => f.kind === 'js'),
      'the built index.html loads no script',
    ).toBe(true);
    if (first.js > BUDGET.js) expect.fail(explain('js', first.js, BUDGET.js));
  });

  it(`CSS stays within ${n(BUDGET.css)} bytes`, () => {
    expect(
      first.files.some((f) => f.kind === 'css'),
      'the built index.html loads no stylesheet',
    ).toBe(true);
    if (first.css > BUDGET.css) expect.fail(explain('css', first.css, BUDGET.css));
  });
});

describe('what the first screen does not need is a lazy chunk', () => {
  // Modules (paths relative to the project) that must never be in the first load.
  const lazy: [string, RegExp][] = [
    ['other languages’ words', /^content\/(?!ja\/)[^/]+\/[^/]+\.json$/],
    ['the Japanese outcome words', /^content\/ja\/outcomes\.json$/],
    ['the outcome screen', /^src\/views\/(OutcomeView|AnswerSummary)\.tsx$/],
    ['the outcomes’ structure', /^content\/outcomes\.json$/],
    ['the overview', /^src\/views\/Overview\.tsx$/],
    [
      'shop mode’s extras (QR code, controls)',
      /^(src\/shop\/(qr|ShopControls|Handoff|useIdleReset)\.tsx?|node_modules\/uqr\/.*)$/,
    ],
    ['print-only code', /^src\/(shop\/print\.ts|print\.css)$/],
    ['the service worker registration', /^(src\/offline\/pwa\.ts|node_modules\/workbox-window\/.*)$/],
    // src/content/tags.tsx renders content tags; react-i18next's <Trans> would bring its HTML parser back.
    [
      'react-i18next’s Trans and its HTML parser',
      /^node_modules\/(html-parse-stringify\/|void-elements\/|react-i18next\/dist\/es\/Trans)/,
    ],
  ];
  const allModules = () => chunks.flatMap((c) => Object.keys(c.modules));

  it.each(lazy)('%s', (_what, re) => {
    const inFirst = Object.keys(firstModules).filter((id) => re.test(id));
    expect(inFirst, `in the first-load chunk(s) ${first.files.map((f) => f.file).join(', ')}`).toEqual([]);
  });

  it('the lazy modules this test knows about exist (so the checks above are not vacuous)', () => {
    const ids = allModules();
    for (const re of [
      /^content\/en\/outcomes\.json$/,
      /^content\/ja\/outcomes\.json$/,
      /^src\/views\/OutcomeView\.tsx$/,
      /^src\/offline\/pwa\.ts$/,
    ])
      expect(
        ids.some((id) => re.test(id)),
        String(re),
      ).toBe(true);
  });
});
