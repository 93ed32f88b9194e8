// The rules the content must follow, checked in `npm test` (tests/unit/content.test.ts). Every
// problem names the file and the key to fix, in words a content editor can act on
// (docs/content-editing.md explains the files). Nothing here is bundled into the app: only tests
// and scripts import it.
import { z } from 'zod';
import { OUTCOMES, QUESTIONS, QUESTION_IDS, isAnswerOf, isQuestionId, type Answers } from './machine/questions';
import { applies, type Entry } from './content';

/** Official sites the guide may link to (a subdomain of one of these is fine too). */
export const ALLOWED_HOSTS = [
  'digital.go.jp',
  'jpki.go.jp',
  'myna.go.jp',
  'kojinbango-card.go.jp',
  'j-lis.go.jp',
  'support.apple.com',
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

export const sourceSchema = z.strictObject({
  publisher: z.string({ error: 'needs a "publisher": who runs the page' }).min(1, 'the "publisher" is empty'),
  title: z.string({ error: 'needs a "title": the page title as the page shows it' }).min(1, 'the "title" is empty'),
  url: z
    .string({ error: 'needs a "url"' })
    .refine((u) => u.startsWith('https://'), { error: 'the "url" must start with https://' })
    .refine(isAllowedUrl, {
      error: (iss) =>
        `the "url" ${String(iss.input)} is not on an official site the guide may link to (${hostList}, or a subdomain of one)`,
    }),
  checked: z.iso.date({
    error: 'needs "checked": the date the guide\'s wording was last compared with what is known of this page, written YYYY-MM-DD',
  }),
  // How much of the page that comparison could rest on. Only "live" means someone opened the real
  // page; the rest came through the fact sheet (shared/domain/facts*.md) and need a live re-check.
  seen: z.enum(['live', 'stored-copy', 'partly-read', 'title-only'], {
    error: 'needs "seen": live, stored-copy, partly-read or title-only (how much of the page was read)',
  }),
  // The same page in another language, by language: { "en": "S2" } links S2 on English pages.
  alternates: z.record(z.string(), z.string()).optional(),
});

export const sourcesSchema = z.record(
  z.string().regex(/^[A-Z][A-Z0-9]*$/, 'a source id is capital letters and digits, such as S1 or L2'),
  sourceSchema,
);

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
  sources: z
    .array(z.string(), { error: 'needs "sources": a list of source ids from content/sources.json' })
    .min(1, 'must cite at least one official source: add its id from content/sources.json to "sources"'),
  facts: z
    .array(z.string().min(1), { error: 'needs "facts": the fact ids (shared/domain/facts*.md) that back it' })
    .min(1, 'must list at least one fact id in "facts", so a reviewer can check it'),
  confidence: z.enum(CONFIDENCE, { error: '"confidence" must be "high", "medium" or "low" (or left out, which means high)' }).optional(),
  when: whenSchema.optional(),
});

const outcomeSchema = z.strictObject({
  warning: z.boolean({ error: '"warning" must be true or false' }).optional(),
  callNow: z.boolean({ error: '"callNow" must be true or false' }).optional(),
  steps: z.array(entrySchema, { error: 'needs "steps": a list' }).min(1, 'has no steps: every outcome needs at least one step'),
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
  z.string().regex(/^[a-z][a-z0-9]*$/, 'a term id is lower-case letters and digits (it is used as a tag, e.g. <revoke>)'),
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
    if (typeof part === 'number' && node && typeof node === 'object' && typeof (node as { id?: unknown }).id === 'string')
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
    if (iss.code === 'unrecognized_keys') message = `has ${iss.keys.map((k) => `"${k}"`).join(', ')}, which the guide does not use (a typo?)`;
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
  for (const m of text.matchAll(/<(\/?)([A-Za-z][A-Za-z0-9]*)\s*(\/?)>/g)) {
    const [, closing, name, selfClosing] = m as unknown as [string, string, string, string];
    if (selfClosing) out.push({ name });
    else if (!closing) {
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
      if (!(lang in files.locales)) add('content/sources.json', `${id}.alternates.${lang}`, `there is no language "${lang}" in content/`);
      if (!sources[alt]) add('content/sources.json', `${id}.alternates.${lang}`, `names "${alt}", which is not in content/sources.json`);
    }

  // 3. Outcomes: the machine's list and the content's list are the same.
  for (const id of OUTCOMES)
    if (!structure.outcomes[id]) add(O, `outcomes.${id}`, `is missing: the guide can end on the outcome "${id}", so it needs steps here`);
  for (const id of Object.keys(structure.outcomes))
    if (!(OUTCOMES as readonly string[]).includes(id))
      add(O, `outcomes.${id}`, `is not an outcome of the guide (outcomes: ${OUTCOMES.join(', ')}); rename or remove it`);

  // 4. Every entry: sources exist, ids unique, shown on at least one path.
  const cited = new Set<string>();
  const checkEntries = (list: Entry[], key: string, pathsHere: readonly ContentPath[]) => {
    const seen = new Set<string>();
    list.forEach((e, i) => {
      const k = `${key}[${i}] (id "${e.id}")`;
      if (seen.has(e.id)) add(O, k, `the id "${e.id}" is used twice in this list; each step or note needs its own id`);
      seen.add(e.id);
      for (const s of e.sources) {
        cited.add(s);
        if (!sources[s]) add(O, `${k}.sources`, `cites "${s}", which is not in content/sources.json (add the source there, or fix the id)`);
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
  }

  // 5. Every path that reaches an outcome shows at least one step.
  for (const p of opts.paths) {
    const c = structure.outcomes[p.outcome];
    if (!c) continue;
    if (!c.steps.some((e) => applies(e as Entry, p.answers)))
      add(O, `outcomes.${p.outcome}.steps`, `shows no step for the answers ?${query(p.answers)}: add a step without "when", or widen a "when"`);
  }

  // 6. The words.
  const baseNs = files.locales[base] ?? {};
  const termIds = new Set(Object.keys((baseNs.terms as Record<string, unknown> | undefined) ?? {}));
  const sourceTags = new Set(Object.keys(sources).map((s) => s.toLowerCase()));
  for (const t of termIds)
    if (sourceTags.has(t))
      add(`content/${base}/terms.json`, t, `the term id "${t}" is also a source id in content/sources.json; tags would clash, so rename the term`);

  // The keys the base language must have, derived from the machine and content/outcomes.json.
  const expected: Record<string, Set<string>> = { questions: new Set(), outcomes: new Set() };
  for (const q of QUESTION_IDS) {
    for (const slot of ['title', 'summary', 'hint', 'help']) expected.questions!.add(`${q}.${slot}`);
    for (const a of QUESTIONS[q]) expected.questions!.add(`${q}.answers.${a}`);
  }
  for (const n of structure.common.notes) expected.outcomes!.add(`common.notes.${n.id}`);
  for (const [id, c] of Object.entries(structure.outcomes)) {
    expected.outcomes!.add(`${id}.title`);
    expected.outcomes!.add(`${id}.lead`);
    for (const s of c.steps) expected.outcomes!.add(`${id}.steps.${s.id}`);
    for (const n of c.notes) expected.outcomes!.add(`${id}.notes.${n.id}`);
  }

  const baseLeaves: Record<string, Map<string, string>> = {};
  for (const [ns, tree] of Object.entries(baseNs)) baseLeaves[ns] = leaves(tree);
  const termTagsUsed = new Set<string>();
  const sourceTagsUsed = new Set<string>();

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
          else if (sourceTags.has(tag.name)) sourceTagsUsed.add(tag.name);
          else if (!(FORMAT_TAGS as readonly string[]).includes(tag.name))
            add(
              file,
              key,
              `uses the tag <${tag.name}>, which is not a term in content/${base}/terms.json, not a source in content/sources.json (in lower case, e.g. <s1>) and not one of ${FORMAT_TAGS.map((t) => `<${t}>`).join(' ')}`,
            );
        }
        for (const ref of nestedRefs(text)) {
          const [refNs, refKey] = ref.split(':') as [string, string];
          const target = lang === base ? baseLeaves[refNs] : leaves(namespaces[refNs]);
          if (!target?.has(refKey)) add(file, key, `refers to $t(${ref}), but content/${lang}/${refNs}.json has no "${refKey}"`);
        }
      }
      // The base language: exactly the expected keys.
      if (lang === base && expected[ns]) {
        for (const k of expected[ns]!)
          if (!words.has(k)) add(file, k, `is missing: write the ${base === 'ja' ? 'Japanese' : base} words for it`);
        for (const k of words.keys()) {
          if (expected[ns]!.has(k)) continue;
          add(file, k, ns === 'outcomes' ? 'is not a title, lead, step or note of content/outcomes.json, so it is never shown; remove it or fix the id' : 'is not a question or answer the guide asks, so it is never shown; remove it or fix the key');
        }
      }
    }
  }

  // 7. ui words: used by the code, and everything the code uses exists.
  const baseUi = baseLeaves.ui;
  if (baseUi) {
    const nestedUi = new Set<string>();
    for (const map of Object.values(baseLeaves))
      for (const text of map.values()) for (const r of nestedRefs(text)) if (r.startsWith('ui:')) nestedUi.add(r.slice(3));
    for (const key of baseUi.keys())
      if (!nestedUi.has(key) && !uiKeyUsed(key, opts.uiUsage))
        add(`content/${base}/ui.json`, key, 'is not used by the app (no t("ui:…") in src/ and no $t(ui:…) in the content refers to it); remove it or fix the key');
    for (const key of opts.uiUsage.exact)
      if (!baseUi.has(key) && ![...baseUi.keys()].some((k) => k.startsWith(`${key}.`) || k.startsWith(`${key}_`)))
        add(`content/${base}/ui.json`, key, 'is used by the app but missing here: write the words for it');
  }

  // 8. Names that may change (ui names.*) are written once: everywhere else as $t(ui:names.x).
  // A name that is also a glossary term's word (スマホ用電子証明書) is an ordinary word and exempt.
  for (const [lang, namespaces] of Object.entries(files.locales)) {
    const uiWords = leaves(namespaces.ui);
    const termWords = new Set([...leaves(namespaces.terms).entries()].filter(([k]) => k.endsWith('.word')).map(([, v]) => v));
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

  // 9. Terms and sources that nothing uses.
  for (const t of termIds)
    if (!termTagsUsed.has(t))
      add(`content/${base}/terms.json`, t, `is never used: no string has a <${t}>…</${t}> tag; remove it or use it`);
  for (const id of Object.keys(sources))
    if (!cited.has(id) && !sourceTagsUsed.has(id.toLowerCase()))
      add('content/sources.json', id, 'is never cited: no step or note lists it in "sources" and no string links it with a tag');

  return problems;
}
