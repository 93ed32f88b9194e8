// The rules the content must follow, checked in `npm test` (tests/unit/content.test.ts). Every
// problem names the file and the key to fix, in words a content editor can act on
// (docs/content-editing.md explains the files). Nothing here is bundled into the app: only tests
// and scripts import it.
import { z } from 'zod';
import {
  OUTCOMES,
  QUESTIONS,
  QUESTION_IDS,
  SITUATION_GROUPS,
  isAnswerOf,
  isQuestionId,
  type Answers,
} from '../machine/questions';
import { applies, type Entry } from './outcomes';
import { WORDED_BY } from './wordedBy';
import { tokens } from './markup';

/** Official sites the guide may link to (a subdomain of one of these is fine too). */
export const ALLOWED_HOSTS = [
  'digital.go.jp',
  'jpki.go.jp',
  'myna.go.jp',
  'kojinbango-card.go.jp',
  'j-lis.go.jp',
  'support.apple.com',
  // Japan's embassies (the number to call about a card lost abroad, S41).
  'emb-japan.go.jp',
] as const;

/**
 * Inline tags that src/views/Rich.tsx renders besides term and source tags (its `components`;
 * tests/unit/content.test.ts checks that the two lists agree).
 */
export const FORMAT_TAGS = ['tel', 'strong', 'r', 'ja'] as const;

export const CONFIDENCE = ['high', 'medium', 'low'] as const;

export function isAllowedUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username || u.password || u.port) return false;
  return ALLOWED_HOSTS.some((h) => u.hostname === h || u.hostname.endsWith(`.${h}`));
}

const hostList = ALLOWED_HOSTS.join(', ');

// ---------------------------------------------------------------------------------------------
// Shapes of the files (zod)

/** Who publishes a source (content/sources.json "tier"). Only official pages may be linked. */
export const TIERS = ['official', 'municipal', 'carrier', 'press', 'blog', 'third-party'] as const;

/** How much of a page the research saw (sources.json and facts.json "seen"). */
export const SEEN = ['live', 'stored-copy', 'partly-read', 'title-only'] as const;

const seenError = {
  error: 'needs "seen": live, stored-copy, partly-read or title-only (how much of the page was read)',
};

export const sourceSchema = z
  .strictObject({
    publisher: z.string({ error: 'needs a "publisher": who runs the page' }).min(1, 'the "publisher" is empty'),
    // The page's own title. Official pages that are linked need one (it is the link's text);
    // leave it out where the research did not see the title rather than make one up.
    title: z
      .string({ error: 'the "title" must be words: the page title as the page shows it' })
      .min(1, 'the "title" is empty')
      .optional(),
    url: z.string({ error: 'the "url" must be an address, written https://…' }).optional(),
    // Where a source without an address was seen ("page source published on GitHub").
    where: z
      .string({ error: 'the "where" must be words: where the page was seen' })
      .min(1, 'the "where" is empty')
      .optional(),
    tier: z.enum(TIERS, {
      error:
        'needs "tier": official, municipal, carrier, press, blog or third-party (who publishes the page; only official pages are linked)',
    }),
    checked: z.iso.date({
      error:
        'needs "checked": the date the guide\'s wording was last compared with what is known of this page, written YYYY-MM-DD',
    }),
    // How much of the page that comparison could rest on. Only "live" means someone opened the real
    // page; the rest came through the research on stored copies (docs/evidence.md) and need a live re-check.
    seen: z.enum(SEEN, seenError),
    // A caveat a reader of the register must know: read by title only, address presumed, and so on.
    note: z.string({ error: 'the "note" must be words' }).min(1, 'the "note" is empty').optional(),
    // The same page in another language, by language: { "en": "S2" } links S2 on English pages.
    alternates: z.record(z.string(), z.string()).optional(),
  })
  .superRefine((s, ctx) => {
    const issue = (path: string[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (s.tier === 'official') {
      if (s.url === undefined) issue(['url'], 'needs a "url": an official source is a page the guide may link to');
      else {
        if (!s.url.startsWith('https://')) issue(['url'], 'the "url" must start with https://');
        if (!isAllowedUrl(s.url))
          issue(
            ['url'],
            `the "url" ${s.url} is not on an official site the guide may link to (${hostList}, or a subdomain of one)`,
          );
      }
      return;
    }
    // Evidence only (never a link): any web address, or none with a "where".
    if (s.url !== undefined && !isWebUrl(s.url))
      issue(['url'], `the "url" ${s.url} must be a web address starting with https:// or http://`);
    if (s.url === undefined && s.where === undefined)
      issue([], 'needs a "url", or a "where" saying where the page was seen (e.g. "page source published on GitHub")');
    if (s.alternates !== undefined)
      issue(
        ['alternates'],
        `has "alternates", but only official sources are links; a ${s.tier} source is evidence only`,
      );
  });

function isWebUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

const idPattern = /^[A-Z][A-Z0-9]*$/;

export const sourcesSchema = z.record(
  z.string().regex(idPattern, 'a source id is capital letters and digits, such as S1 or L2'),
  sourceSchema,
);

/** A source the app can link (src/content/sources.ts): official, with a title. */
export function isLinkable(s: { tier?: unknown; title?: unknown } | undefined): boolean {
  return s?.tier === 'official' && typeof s.title === 'string' && s.title.length > 0;
}

// content/facts.json: the evidence register (docs/evidence.md).
const quoteSchema = z
  .string({ error: 'a quote must be words copied from the page' })
  .refine((q) => q.trim().length > 0, { error: "a quote is empty: copy the page's own words, or remove it" })
  .refine((q) => q.length <= 200, {
    error: (iss) =>
      `a quote is ${String(iss.input).length} characters long; keep each quote to 200 at most (the words that back the fact)`,
  });

export const factSchema = z.strictObject({
  source: z
    .string({ error: 'needs "source": the id of the page in content/sources.json that the fact comes from' })
    .min(1, 'the "source" is empty'),
  quotes: z
    .array(quoteSchema, {
      error: 'needs "quotes": a list of the page\'s own words (an empty list [] if the research has none)',
    })
    .max(4, 'has more than 4 quotes: keep the few short ones that back the fact'),
  rating: z.enum(CONFIDENCE, {
    error: 'needs "rating": high, medium or low (how far the research trusts this source for what it is cited for)',
  }),
  seen: z.enum(SEEN, seenError),
  date: z.iso.date({ error: 'needs "date": the date the fact was gathered, written YYYY-MM-DD' }),
  published: z.iso.date({ error: '"published" must be the date the page itself shows, written YYYY-MM-DD' }).optional(),
  says: z.string({ error: 'needs "says": one line saying what the fact backs' }).min(1, 'the "says" is empty'),
  // The one platform the fact holds for (an Android procedure is not an iPhone fact): a step citing
  // it may only be shown on that platform's paths, or must name the platform in its words
  // (tests/unit/platform-scope.test.ts).
  platform: z
    .enum(['android', 'iphone'], { error: '"platform" must be "android" or "iphone" (or left out: both)' })
    .optional(),
});

export const factsFileSchema = z.strictObject({
  $comment: z.string().optional(),
  facts: z.record(
    z.string().regex(idPattern, 'a fact id is capital letters and digits, such as S1 or P2'),
    factSchema,
    {
      error: 'needs "facts": the fact ids, each with its source, quotes, rating, seen, date and says',
    },
  ),
});

const whenSchema = z
  .record(z.string(), z.union([z.string(), z.array(z.string()).min(1, 'a list in "when" needs at least one answer')]), {
    error: '"when" must map question ids to an answer id or a list of answer ids',
  })
  .superRefine((when, ctx) => {
    for (const [q, want] of Object.entries(when)) {
      if (!isQuestionId(q)) {
        ctx.addIssue({
          code: 'custom',
          path: [q],
          message: `"when" names a question "${q}" that the guide does not ask (questions: ${QUESTION_IDS.join(', ')})`,
        });
        continue;
      }
      for (const a of Array.isArray(want) ? want : [want]) {
        if (!isAnswerOf(q, a))
          ctx.addIssue({
            code: 'custom',
            path: [q],
            message: `"when" uses the answer "${a}", but question "${q}" only has the answers ${QUESTIONS[q].join(', ')}`,
          });
      }
    }
  });

export const entrySchema = z.strictObject({
  id: z
    .string({ error: 'needs an "id" (its words are under this id in content/<lang>/outcomes.json)' })
    .regex(/^[a-z][A-Za-z0-9]*$/, 'an "id" is a word in camelCase, such as callHotline'),
  // May be empty when no official page says it (the facts then rest on press or municipal pages,
  // and the confidence label says so): a link must never suggest an official page backs a claim.
  sources: z.array(z.string(), {
    error: 'needs "sources": a list of official source ids from content/sources.json (it may be empty: [])',
  }),
  facts: z
    .array(z.string().min(1), { error: 'needs "facts": the fact ids (content/facts.json) that back it' })
    .min(1, 'must list at least one fact id in "facts", so a reviewer can check it'),
  confidence: z
    .enum(CONFIDENCE, { error: '"confidence" must be "high", "medium" or "low" (or left out, which means high)' })
    .optional(),
  when: whenSchema.optional(),
});

/** What backs an outcome's title and lead: held to the same standard as a step. */
export const headSchema = entrySchema.omit({ id: true, when: true });

const outcomeSchema = z.strictObject({
  warning: z
    .enum(['before', 'reset'], {
      error: '"warning" must be "before" (do not reset or hand over first) or "reset" (keep the reset phone)',
    })
    .optional(),
  callNow: z
    .enum(['lost', 'card', 'general'], {
      error:
        '"callNow" must be "lost" (24 h, a lost phone), "card" (24 h, a lost card: the Japanese line in every language) or "general"',
    })
    .optional(),
  head: headSchema,
  callSay: entrySchema.optional(),
  shopStop: entrySchema.optional(),
  steps: z
    .array(entrySchema, { error: 'needs "steps": a list' })
    .min(1, 'has no steps: every outcome needs at least one step'),
  notes: z.array(entrySchema, { error: 'needs "notes": a list (it may be empty: [])' }),
});

export const outcomesFileSchema = z.strictObject({
  $comment: z.string().optional(),
  common: z.strictObject({ notes: z.array(entrySchema) }),
  outcomes: z.record(z.string(), outcomeSchema),
});

export const metaSchema = z.strictObject({
  $comment: z.string().optional(),
  checkedOn: z.iso.date({ error: 'needs "checkedOn": the date the content was last checked, written YYYY-MM-DD' }),
});

export const termsSchema = z.record(
  z
    .string()
    .regex(/^[a-z][a-z0-9]*$/, 'a term id is lower-case letters and digits (it is used as a tag, e.g. <revoke>)'),
  z.strictObject({
    word: z.string({ error: 'needs "word": the official term' }).min(1, 'the "word" is empty'),
    meaning: z.string({ error: 'needs "meaning": the term in everyday words' }).min(1, 'the "meaning" is empty'),
  }),
);

// ---------------------------------------------------------------------------------------------
// Problems

export type Problem = { file: string; key: string; message: string };

export function formatProblem(p: Problem): string {
  return `${p.file} → ${p.key || '(the whole file)'}: ${p.message}`;
}

/** A readable key for a zod issue path, naming an entry by its id ("outcomes.lost-suspend.steps[2] (id "abroad")"). */
function keyOf(data: unknown, path: readonly PropertyKey[]): string {
  let key = '';
  let node: unknown = data;
  for (const part of path) {
    if (typeof part === 'number') key += `[${part}]`;
    else key += key ? `.${String(part)}` : String(part);
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[part] : undefined;
    if (
      typeof part === 'number' &&
      node &&
      typeof node === 'object' &&
      typeof (node as { id?: unknown }).id === 'string'
    )
      key += ` (id "${(node as { id: string }).id}")`;
  }
  return key;
}

/** The parsed data once keys the schema does not know are removed; undefined if it still does not fit. */
function parseIgnoringExtraKeys<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> | undefined {
  const copy = structuredClone(data);
  for (let round = 0; round < 10; round++) {
    const r = schema.safeParse(copy);
    if (r.success) return r.data;
    if (r.error.issues.some((i) => i.code !== 'unrecognized_keys')) return undefined;
    for (const iss of r.error.issues) {
      if (iss.code !== 'unrecognized_keys') continue;
      let node: unknown = copy;
      for (const part of iss.path) node = (node as Record<PropertyKey, unknown>)[part];
      for (const k of iss.keys) delete (node as Record<string, unknown>)[k];
    }
  }
  return undefined;
}

function zodProblems(file: string, schema: z.ZodType, data: unknown): Problem[] {
  const r = schema.safeParse(data);
  if (r.success) return [];
  return r.error.issues.map((iss) => {
    let message = iss.message;
    if (iss.code === 'unrecognized_keys')
      message = `has ${iss.keys.map((k) => `"${k}"`).join(', ')}, which the guide does not use (a typo?)`;
    return { file, key: keyOf(data, iss.path), message };
  });
}

// ---------------------------------------------------------------------------------------------
// Words and tags

const NOT_WORDS = '\u0000';

/** Every string in a JSON tree, by dotted key. */
export function leaves(tree: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: unknown, key: string) => {
    if (typeof node === 'string') out.set(key, node);
    else if (node && typeof node === 'object' && !Array.isArray(node))
      for (const [k, v] of Object.entries(node)) walk(v, key ? `${key}.${k}` : k);
    else if (key) out.set(key, `${NOT_WORDS}${JSON.stringify(node)}`);
  };
  walk(tree, prefix);
  return out;
}

/** The tags a string uses, and whether each is closed. */
export function tagsIn(text: string): { name: string; problem?: string }[] {
  const out: { name: string; problem?: string }[] = [];
  const open: string[] = [];
  for (const token of tokens(text)) {
    if (token.kind === 'text') continue;
    const { name } = token;
    if (token.kind === 'empty') out.push({ name });
    else if (token.kind === 'open') {
      open.push(name);
      out.push({ name });
    } else if (open[open.length - 1] === name) open.pop();
    else out.push({ name, problem: `has </${name}> without a matching <${name}> before it` });
  }
  for (const name of open) out.push({ name, problem: `opens <${name}> but never closes it with </${name}>` });
  return out;
}

/** Nested references such as $t(ui:names.app). */
export function nestedRefs(text: string): string[] {
  return [...text.matchAll(/\$t\(([a-z]+):([A-Za-z0-9_.-]+)\)/g)].map((m) => `${m[1]}:${m[2]}`);
}

/** ui keys the code refers to, found by scanning source text. */
export type UiUsage = { exact: Set<string>; prefixes: Set<string>; literals: Set<string> };

export function scanUiKeys(sourceTexts: readonly string[]): UiUsage {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  const literals = new Set<string>();
  for (const text of sourceTexts) {
    for (const m of text.matchAll(/ui:([A-Za-z0-9_.]*)(\$\{)?/g)) {
      if (m[2] !== undefined) prefixes.add(m[1]!);
      else if (m[1]) exact.add(m[1].replace(/\.$/, ''));
    }
    // Keys given without the namespace (t('footer.about') with the default namespace).
    for (const m of text.matchAll(/['"`]([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+)['"`]/g)) literals.add(m[1]!);
  }
  return { exact, prefixes, literals };
}

function uiKeyUsed(key: string, usage: UiUsage): boolean {
  const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
  if (usage.exact.has(base) || usage.literals.has(base)) return true;
  for (const p of usage.prefixes) if (base.startsWith(p)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// The whole content, cross-checked

export type ContentFiles = {
  /** content/outcomes.json */
  outcomes: unknown;
  /** content/sources.json */
  sources: unknown;
  /** content/meta.json */
  meta: unknown;
  /** content/<lang>/<namespace>.json, by language then namespace ("ui", "questions", "outcomes", "terms"). */
  locales: Record<string, Record<string, unknown>>;
};

export type ContentPath = { answers: Answers; outcome: string };

export type CheckOptions = {
  /** Every path through the machine that ends on an outcome (tests/unit/paths.ts). */
  paths: readonly ContentPath[];
  /** ui keys referenced by the code (scanUiKeys over src/ and scripts/). */
  uiUsage: UiUsage;
  /** The default language, whose files must be complete. */
  base?: string;
  /** "Today" for the "checked date is in the future" check (YYYY-MM-DD). */
  today?: string;
};

function query(answers: Answers): string {
  return QUESTION_IDS.filter((q) => answers[q] !== undefined)
    .map((q) => `${q}=${answers[q]}`)
    .join('&');
}

export function checkContent(files: ContentFiles, opts: CheckOptions): Problem[] {
  const base = opts.base ?? 'ja';
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const problems: Problem[] = [];
  const add = (file: string, key: string, message: string) => problems.push({ file, key, message });

  // 1. Shapes.
  const shapeProblems = [
    ...zodProblems('content/outcomes.json', outcomesFileSchema, files.outcomes),
    ...zodProblems('content/sources.json', sourcesSchema, files.sources),
    ...zodProblems('content/meta.json', metaSchema, files.meta),
    ...Object.entries(files.locales).flatMap(([lang, ns]) =>
      ns.terms === undefined ? [] : zodProblems(`content/${lang}/terms.json`, termsSchema, ns.terms),
    ),
  ];
  problems.push(...shapeProblems);
  // The cross-checks need the right shapes; a key too many (already reported) does not stop them.
  const structure = parseIgnoringExtraKeys(outcomesFileSchema, files.outcomes);
  const sources = parseIgnoringExtraKeys(sourcesSchema, files.sources);
  const meta = parseIgnoringExtraKeys(metaSchema, files.meta);
  if (!structure || !sources || !meta) return problems;
  const O = 'content/outcomes.json';

  // 2. Dates.
  if (meta.checkedOn > today) add('content/meta.json', 'checkedOn', `the date ${meta.checkedOn} is in the future`);
  for (const [id, s] of Object.entries(sources))
    if (s.checked > today) add('content/sources.json', `${id}.checked`, `the date ${s.checked} is in the future`);
  for (const [id, s] of Object.entries(sources))
    for (const [lang, alt] of Object.entries(s.alternates ?? {})) {
      if (!(lang in files.locales))
        add('content/sources.json', `${id}.alternates.${lang}`, `there is no language "${lang}" in content/`);
      if (!sources[alt])
        add('content/sources.json', `${id}.alternates.${lang}`, `names "${alt}", which is not in content/sources.json`);
    }

  // 3. Outcomes: the machine's list and the content's list are the same.
  for (const id of OUTCOMES)
    if (!structure.outcomes[id])
      add(O, `outcomes.${id}`, `is missing: the guide can end on the outcome "${id}", so it needs steps here`);
  for (const id of Object.keys(structure.outcomes))
    if (!(OUTCOMES as readonly string[]).includes(id))
      add(
        O,
        `outcomes.${id}`,
        `is not an outcome of the guide (outcomes: ${OUTCOMES.join(', ')}); rename or remove it`,
      );

  // 4. Every entry: sources exist, ids unique, shown on at least one path.
  const checkEntries = (list: Entry[], key: string, pathsHere: readonly ContentPath[]) => {
    const seen = new Set<string>();
    list.forEach((e, i) => {
      const k = `${key}[${i}] (id "${e.id}")`;
      if (seen.has(e.id)) add(O, k, `the id "${e.id}" is used twice in this list; each step or note needs its own id`);
      seen.add(e.id);
      if (e.sources.length === 0 && (e.confidence ?? 'high') === 'high')
        add(
          O,
          `${k}.sources`,
          'cites no official page, so it cannot read as official: cite one from content/sources.json, or set "confidence" to "medium" or "low"',
        );
      for (const s of e.sources) {
        const source = sources[s];
        if (!source)
          add(
            O,
            `${k}.sources`,
            `cites "${s}", which is not in content/sources.json (add the source there, or fix the id)`,
          );
        // A non-official source here is reported by checkFacts (tests/unit/facts.test.ts).
        else if (source.tier === 'official' && !isLinkable(source))
          add(
            O,
            `${k}.sources`,
            `links "${s}", which has no "title" in content/sources.json; a link shows the page's title, so add it (as the page shows it)`,
          );
      }
      if (pathsHere.length > 0 && !pathsHere.some((p) => applies(e, p.answers)))
        add(O, `${k}.when`, 'is never shown: no set of answers that leads here matches its "when"');
    });
  };
  checkEntries(structure.common.notes as Entry[], 'common.notes', opts.paths);
  for (const [id, c] of Object.entries(structure.outcomes)) {
    const here = opts.paths.filter((p) => p.outcome === id);
    checkEntries(c.steps as Entry[], `outcomes.${id}.steps`, here);
    checkEntries(c.notes as Entry[], `outcomes.${id}.notes`, here);
    const extras = [c.callSay, c.shopStop].filter((e): e is NonNullable<typeof e> => Boolean(e)) as Entry[];
    checkEntries([{ id: 'head', ...c.head } as Entry, ...extras], `outcomes.${id}`, here);
  }

  // 5. Every path that reaches an outcome shows at least one step.
  for (const p of opts.paths) {
    const c = structure.outcomes[p.outcome];
    if (!c) continue;
    if (!c.steps.some((e) => applies(e as Entry, p.answers)))
      add(
        O,
        `outcomes.${p.outcome}.steps`,
        `shows no step for the answers ?${query(p.answers)}: add a step without "when", or widen a "when"`,
      );
  }

  // 6. The words.
  const baseNs = files.locales[base] ?? {};
  const termIds = new Set(Object.keys((baseNs.terms as Record<string, unknown> | undefined) ?? {}));
  // Only official sources with a title are links (src/content/sources.ts); the others are evidence only.
  const sourceTags = new Set(
    Object.keys(sources)
      .filter((s) => isLinkable(sources[s]))
      .map((s) => s.toLowerCase()),
  );
  const evidenceTags = new Map(
    Object.entries(sources)
      .filter(([, s]) => !isLinkable(s))
      .map(([id, s]) => [id.toLowerCase(), { id, s }]),
  );
  for (const t of termIds)
    if (sourceTags.has(t))
      add(
        `content/${base}/terms.json`,
        t,
        `the term id "${t}" is also a source id in content/sources.json; tags would clash, so rename the term`,
      );

  // The keys the base language must have, derived from the machine and content/outcomes.json.
  const expected: Record<string, Set<string>> = { questions: new Set(), outcomes: new Set() };
  for (const q of QUESTION_IDS) {
    for (const slot of ['title', 'summary', 'hint', 'help']) expected.questions!.add(`${q}.${slot}`);
    for (const a of QUESTIONS[q]) expected.questions!.add(`${q}.answers.${a}`);
  }
  for (const g of Object.keys(SITUATION_GROUPS)) expected.questions!.add(`situation.groups.${g}`);
  // Wording that follows an earlier answer (src/content/wordedBy.ts): `<slot>_<answer>`, optional.
  const optional = new Set<string>();
  for (const q of QUESTION_IDS) {
    const by = WORDED_BY[q];
    if (!by) continue;
    for (const v of QUESTIONS[by])
      for (const slot of ['title', 'hint', 'help', ...QUESTIONS[q].map((a) => `answers.${a}`)])
        optional.add(`${q}.${slot}_${v}`);
  }
  for (const n of structure.common.notes) expected.outcomes!.add(`common.notes.${n.id}`);
  for (const [id, c] of Object.entries(structure.outcomes)) {
    expected.outcomes!.add(`${id}.title`);
    expected.outcomes!.add(`${id}.lead`);
    if (c.callSay) expected.outcomes!.add(`${id}.callSay`);
    for (const s of c.steps) expected.outcomes!.add(`${id}.steps.${s.id}`);
    for (const n of c.notes) expected.outcomes!.add(`${id}.notes.${n.id}`);
  }

  const baseLeaves: Record<string, Map<string, string>> = {};
  for (const [ns, tree] of Object.entries(baseNs)) baseLeaves[ns] = leaves(tree);
  const termTagsUsed = new Set<string>();

  for (const [lang, namespaces] of Object.entries(files.locales)) {
    for (const [ns, tree] of Object.entries(namespaces)) {
      const file = `content/${lang}/${ns}.json`;
      const words = leaves(tree);
      for (const [key, text] of words) {
        if (text.startsWith(NOT_WORDS)) {
          add(file, key, 'must be words (a string)');
          continue;
        }
        // Keys another language has but the base language does not are never shown.
        if (lang !== base && !baseLeaves[ns]?.has(key))
          add(file, key, `is not in content/${base}/${ns}.json, so the guide never uses it; remove it or fix the key`);
        for (const tag of tagsIn(text)) {
          if (tag.problem) add(file, key, tag.problem);
          else if (termIds.has(tag.name)) termTagsUsed.add(tag.name);
          else if (sourceTags.has(tag.name)) continue;
          else if (evidenceTags.has(tag.name)) {
            const { id, s } = evidenceTags.get(tag.name)!;
            add(
              file,
              key,
              s.tier === 'official'
                ? `uses the tag <${tag.name}>, but ${id} has no "title" in content/sources.json, so it cannot be a link; add the page's title there`
                : `uses the tag <${tag.name}>, but ${id} is a ${s.tier} source (content/sources.json), which is evidence only and never a link; link an official source instead`,
            );
          } else if (!(FORMAT_TAGS as readonly string[]).includes(tag.name))
            add(
              file,
              key,
              `uses the tag <${tag.name}>, which is not a term in content/${base}/terms.json, not a source in content/sources.json (in lower case, e.g. <s1>) and not one of ${FORMAT_TAGS.map((t) => `<${t}>`).join(' ')}`,
            );
        }
        for (const ref of nestedRefs(text)) {
          const [refNs, refKey] = ref.split(':') as [string, string];
          const target = lang === base ? baseLeaves[refNs] : leaves(namespaces[refNs]);
          if (!target?.has(refKey))
            add(file, key, `refers to $t(${ref}), but content/${lang}/${refNs}.json has no "${refKey}"`);
        }
      }
      // The base language: exactly the expected keys.
      if (lang === base && expected[ns]) {
        for (const k of expected[ns]!)
          if (!words.has(k)) add(file, k, `is missing: write the ${base === 'ja' ? 'Japanese' : base} words for it`);
        for (const k of words.keys()) {
          if (expected[ns]!.has(k) || optional.has(k)) continue;
          add(
            file,
            k,
            ns === 'outcomes'
              ? 'is not a title, lead, step or note of content/outcomes.json, so it is never shown; remove it or fix the id'
              : 'is not a question or answer the guide asks, so it is never shown; remove it or fix the key',
          );
        }
      }
    }
  }

  // 7. ui words: used by the code, and everything the code uses exists.
  const baseUi = baseLeaves.ui;
  if (baseUi) {
    const nestedUi = new Set<string>();
    for (const map of Object.values(baseLeaves))
      for (const text of map.values())
        for (const r of nestedRefs(text)) if (r.startsWith('ui:')) nestedUi.add(r.slice(3));
    for (const key of baseUi.keys())
      if (!nestedUi.has(key) && !uiKeyUsed(key, opts.uiUsage))
        add(
          `content/${base}/ui.json`,
          key,
          'is not used by the app (no t("ui:…") in src/ and no $t(ui:…) in the content refers to it); remove it or fix the key',
        );
    for (const key of opts.uiUsage.exact)
      if (!baseUi.has(key) && ![...baseUi.keys()].some((k) => k.startsWith(`${key}.`) || k.startsWith(`${key}_`)))
        add(`content/${base}/ui.json`, key, 'is used by the app but missing here: write the words for it');
  }

  // 8. Names that may change (ui names.*) are written once: everywhere else as $t(ui:names.x).
  // A name that is also a glossary term's word (スマホ用電子証明書) is an ordinary word and exempt.
  for (const [lang, namespaces] of Object.entries(files.locales)) {
    const uiWords = leaves(namespaces.ui);
    const termWords = new Set(
      [...leaves(namespaces.terms).entries()].filter(([k]) => k.endsWith('.word')).map(([, v]) => v),
    );
    const names = [...uiWords].filter(([k, v]) => k.startsWith('names.') && v.length >= 4 && !termWords.has(v));
    for (const [ns, tree] of Object.entries(namespaces))
      for (const [key, text] of leaves(tree)) {
        if (ns === 'ui' && key.startsWith('names.')) continue;
        if (ns === 'terms') continue;
        for (const [nameKey, value] of names)
          if (text.includes(value))
            add(
              `content/${lang}/${ns}.json`,
              key,
              `writes "${value}" directly; write $t(ui:${nameKey}) instead, so that a change of name is one edit in content/${lang}/ui.json`,
            );
      }
  }

  // 9. Terms that nothing uses. (Sources that nothing uses are found by checkFacts, which also
  // knows the sources that only back a fact.)
  for (const t of termIds)
    if (!termTagsUsed.has(t))
      add(`content/${base}/terms.json`, t, `is never used: no string has a <${t}>…</${t}> tag; remove it or use it`);

  return problems;
}

// ---------------------------------------------------------------------------------------------
// The evidence register (content/facts.json) against the sources and the outcomes

/** Which rule a problem of checkFacts breaks (tests/unit/facts.test.ts reports each rule apart). */
export type FactRule =
  | 'shape' // facts.json does not fit factsFileSchema (other than its quotes)
  | 'quote' // a quote is empty, too long, or quotes a page seen by title only
  | 'unknown-fact' // outcomes.json cites a fact id the register lacks
  | 'unused-fact' // a fact no step or note cites
  | 'confidence' // a step or note claims more confidence than the facts it cites
  | 'source' // a fact's source is missing from sources.json, or disagrees with it
  | 'linked-evidence' // outcomes.json links a source that is not official
  | 'unused-source'; // a source nothing links and no fact rests on

export type FactProblem = Problem & { rule: FactRule };

export type FactCheckOptions = {
  /** Source ids that strings link with a tag (<s1>…</s1>); they count as used. */
  tagged?: Iterable<string>;
  /** "Today" for the "date is in the future" check (YYYY-MM-DD). */
  today?: string;
};

const RANK: Record<(typeof CONFIDENCE)[number], number> = { low: 0, medium: 1, high: 2 };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * Everything in content/outcomes.json that cites facts or sources, with its key: the steps and
 * notes (common.notes, each outcome's steps and notes) and any other list or object of an outcome
 * that has "facts" or "sources" (such as what backs its title). Read leniently: checkContent
 * checks the shape.
 */
export function outcomeEntries(outcomes: unknown): { key: string; entry: Obj }[] {
  const out: { key: string; entry: Obj }[] = [];
  const cites = (v: Obj) => 'facts' in v || 'sources' in v;
  const walk = (parent: Obj, prefix: string) => {
    for (const [k, v] of Object.entries(parent)) {
      if (Array.isArray(v))
        v.forEach((e, i) => {
          if (isObj(e) && cites(e))
            out.push({ key: `${prefix}.${k}[${i}]${typeof e.id === 'string' ? ` (id "${e.id}")` : ''}`, entry: e });
        });
      else if (isObj(v) && cites(v)) out.push({ key: `${prefix}.${k}`, entry: v });
    }
  };
  if (!isObj(outcomes)) return out;
  if (isObj(outcomes.common)) walk(outcomes.common, 'common');
  if (isObj(outcomes.outcomes))
    for (const [id, o] of Object.entries(outcomes.outcomes)) if (isObj(o)) walk(o, `outcomes.${id}`);
  return out;
}

/**
 * The evidence register against content/sources.json and content/outcomes.json: every fact the
 * outcomes cite is in the register and every fact in it is cited; no step or note is more
 * confident than the best fact it cites; every fact's source exists; only official sources are
 * linked; quotes are short; every source is used.
 */
export function checkFacts(
  facts: unknown,
  sourcesFile: unknown,
  outcomes: unknown,
  opts: FactCheckOptions = {},
): FactProblem[] {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const problems: FactProblem[] = [];
  const add = (rule: FactRule, file: string, key: string, message: string) =>
    problems.push({ rule, file, key, message });
  const F = 'content/facts.json';
  const O = 'content/outcomes.json';
  const S = 'content/sources.json';

  // 1. The register's shape (quotes are their own rule).
  for (const p of zodProblems(F, factsFileSchema, facts))
    problems.push({ ...p, rule: /\.quotes(\[|$)/.test(p.key) ? 'quote' : 'shape' });

  // Read leniently from here on, so one bad entry does not hide the rest.
  const register: Record<string, Obj> = isObj(facts) && isObj(facts.facts) ? (facts.facts as Record<string, Obj>) : {};
  const sources: Record<string, Obj> = isObj(sourcesFile) ? (sourcesFile as Record<string, Obj>) : {};
  const ratingOf = (id: string): (typeof CONFIDENCE)[number] | undefined => {
    const r = register[id]?.rating;
    return (CONFIDENCE as readonly unknown[]).includes(r) ? (r as (typeof CONFIDENCE)[number]) : undefined;
  };

  // 2. Each fact against its source.
  for (const [id, fact] of Object.entries(register)) {
    if (!isObj(fact)) continue;
    const k = `facts.${id}`;
    if (typeof fact.date === 'string' && fact.date > today)
      add('shape', F, `${k}.date`, `the date ${fact.date} is in the future`);
    if (typeof fact.source !== 'string' || !fact.source) continue;
    const source = sources[fact.source];
    if (!isObj(source)) {
      add(
        'source',
        F,
        `${k}.source`,
        `names "${fact.source}", which is not in content/sources.json (add the page there, or fix the id)`,
      );
      continue;
    }
    if (typeof fact.seen === 'string' && typeof source.seen === 'string' && fact.seen !== source.seen)
      add(
        'source',
        F,
        `${k}.seen`,
        `is "${fact.seen}", but content/sources.json says ${fact.source} was seen "${source.seen}"; both describe the same reading of the page, so make them agree`,
      );
    if (source.seen === 'title-only' && strings(fact.quotes).length > 0)
      add(
        'quote',
        F,
        `${k}.quotes`,
        `quotes words of ${fact.source}, which was seen by title only: a page nobody read has no words to quote`,
      );
  }

  // 3. The steps and notes: facts they cite exist, confidence within the facts' ratings, links official.
  const cited = new Set<string>();
  const linked = new Set<string>();
  for (const { key, entry } of outcomeEntries(outcomes)) {
    const ids = strings(entry.facts);
    for (const f of ids) {
      cited.add(f);
      if (!register[f])
        add(
          'unknown-fact',
          O,
          `${key}.facts`,
          `cites the fact "${f}", which is not in content/facts.json (add it to the register, or fix the id)`,
        );
    }
    const rated = ids.flatMap((f) => {
      const r = ratingOf(f);
      return r ? [{ f, r }] : [];
    });
    const given = entry.confidence;
    const confidence =
      given === undefined
        ? 'high'
        : (CONFIDENCE as readonly unknown[]).includes(given)
          ? (given as (typeof CONFIDENCE)[number])
          : undefined;
    // A cited fact without a valid rating is a shape problem already; judging without it would mislead.
    const unrated = ids.some((f) => register[f] && !ratingOf(f));
    if (confidence && rated.length > 0 && !unrated) {
      const best = rated.reduce((a, b) => (RANK[b.r] > RANK[a.r] ? b : a)).r;
      if (RANK[confidence] > RANK[best])
        add(
          'confidence',
          O,
          `${key}.confidence`,
          `is "${confidence}"${given === undefined ? ' (left out, which means high)' : ''}, but the best fact it cites is rated "${best}" in content/facts.json (${rated
            .map(({ f, r }) => `${f} ${r}`)
            .join(', ')}); set "confidence" to "${best}", or cite a fact rated "${confidence}"`,
        );
    }
    for (const s of strings(entry.sources)) {
      linked.add(s);
      const source = sources[s];
      if (isObj(source) && source.tier !== 'official')
        add(
          'linked-evidence',
          O,
          `${key}.sources`,
          `links "${s}", which is a ${String(source.tier)} source in content/sources.json: only official sources are linked; list its fact under "facts" instead`,
        );
    }
  }

  // 4. Facts nothing cites.
  for (const id of Object.keys(register))
    if (!cited.has(id))
      add(
        'unused-fact',
        F,
        `facts.${id}`,
        'is cited by no step or note ("facts" in content/outcomes.json); cite it where it backs the words, or remove it if nothing in the guide rests on it',
      );

  // 5. Sources nothing uses: not linked (by a step, a note, a tag, or as another language's page)
  // and not the source of any fact.
  const used = new Set<string>([...linked, ...(opts.tagged ?? [])]);
  for (const fact of Object.values(register)) if (isObj(fact) && typeof fact.source === 'string') used.add(fact.source);
  for (const id of used) {
    const alternates = sources[id]?.alternates;
    if (isObj(alternates)) for (const alt of Object.values(alternates)) if (typeof alt === 'string') used.add(alt);
  }
  for (const id of Object.keys(sources))
    if (!used.has(id))
      add(
        'unused-source',
        S,
        id,
        'is used nowhere: no fact in content/facts.json names it as "source", no step or note links it and no string links it with a tag; remove it, or add the fact it backs',
      );

  return problems;
}
