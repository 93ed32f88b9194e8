// The URL contract (docs/rules.md): every step has its own address, a real page of the built site.
//
//   /                                   the first question, in Japanese
//   /change/yes/android/                answers as path segments, in the order the machine asks
//   /en/change/yes/   /easy/change/     English and やさしい日本語 under their own prefix
//   …/?mode=shop   …/?view=overview     settings that are not answers stay in the query string
//
// A segment is read as the answer to the question the machine asks at that point, so a value
// shared by two questions (yes, unknown, android…) is never ambiguous. Links from before the
// answers moved into the path (`/?situation=change&certificate=yes&lang=en`) are still read, and
// rewritten to the new address. Decoding never throws: whatever cannot be used is reported so the
// page can say so (the notice) or show the not-found page.
import { initialTransition } from 'xstate';
import { guideMachine } from '../machine/guide';
import { answer, replay, type Replay } from '../machine/replay';
import { QUESTION_IDS, isQuestionId, type Answers } from '../machine/questions';
import { stepOf } from '../machine/step';
import { carryOver } from '../machine/successors';

export type Settings = {
  lang?: string;
  mode?: 'shop';
  view?: 'overview';
};

// Values each query setting accepts. Languages are registered by i18n.ts so this file stays
// free of content.
const querySettings = {
  mode: () => ['shop'],
  view: () => ['overview'],
} as const satisfies Partial<Record<keyof Settings, () => readonly string[]>>;

let knownLangs: readonly string[] = ['ja'];
export function registerLangs(langs: readonly string[]): void {
  knownLangs = langs;
}
/** Languages with a path prefix (all but the first, Japanese, which lives at the root). */
function prefixedLangs(): readonly string[] {
  return knownLangs.slice(1);
}

export type Decoded = Replay & {
  settings: Settings;
  /** True when part of an old query-string link could not be used (show the notice). */
  partlyUnusable: boolean;
  /** True when the path is not a step: the not-found page (`kept` is the part that was a step). */
  notFound: boolean;
  /** True when the address is not the canonical one for what was kept (rewrite it in place). */
  rewrite: boolean;
};

function safeParams(search: string): [string, string][] {
  try {
    return [...new URLSearchParams(search)];
  } catch {
    return [];
  }
}

function safeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return '\u0000'; // matches no answer
  }
}

/** Reads the path's segments as answers, one question after the other. */
function replayPath(segments: readonly string[]): Replay & { rest: number } {
  let [snapshot] = initialTransition(guideMachine);
  const kept: Record<string, string> = {};
  let i = 0;
  for (; i < segments.length; i++) {
    const step = stepOf(snapshot);
    if (step.kind !== 'question') break;
    const next = answer(snapshot, step.question, segments[i]!);
    if (!next) break;
    kept[step.question] = segments[i]!;
    snapshot = next;
  }
  return { snapshot, kept: kept as Answers, dropped: [], rest: segments.length - i };
}

export function decode(pathname: string, search = ''): Decoded {
  const raw = pathname.split('/');
  const segments = raw.filter(Boolean).map(safeSegment);
  if (segments[segments.length - 1] === 'index.html') segments.pop();
  // Repeated or empty segments (//) are not this guide's addresses.
  let notFound = raw.slice(1, -1).some((s) => s === '');

  const settings: Settings = {};
  if (segments.length && prefixedLangs().includes(segments[0]!)) settings.lang = segments.shift()!;

  const pairs = safeParams(search);
  const counts = new Map<string, number>();
  for (const [k] of pairs) counts.set(k, (counts.get(k) ?? 0) + 1);
  const queryAnswers: Record<string, string> = Object.create(null);
  let unusable = false;
  for (const [key, value] of pairs) {
    // A parameter given more than once is dropped entirely, so parameter order never matters.
    if (counts.get(key)! > 1) {
      unusable = true;
    } else if (isQuestionId(key)) {
      queryAnswers[key] = value;
    } else if (key === 'lang') {
      // An old link's language: used when the path names none.
      if (knownLangs.includes(value) && !settings.lang) {
        if (value !== knownLangs[0]) settings.lang = value;
      } else unusable = true;
    } else if (key === 'mode' || key === 'view') {
      if ((querySettings[key]() as readonly string[]).includes(value))
        (settings as Record<string, string>)[key] = value;
      else unusable = true;
    } else {
      unusable = true;
    }
  }

  const fromQuery = Object.keys(queryAnswers).length > 0;
  if (fromQuery && segments.length === 0) {
    // An old link: answers in the query string, read as they always were, through the flow's
    // declared changes since (src/machine/successors.ts; these links predate the first register).
    const result = replay(carryOver(queryAnswers, 1));
    return {
      ...result,
      settings,
      partlyUnusable: unusable || result.dropped.length > 0,
      notFound,
      rewrite: true,
    };
  }
  if (fromQuery) unusable = true; // answers both in the path and the query: the path wins
  const result = replayPath(segments);
  notFound ||= result.rest > 0;
  // Whatever is not written the canonical way is rewritten: no final slash, a final index.html,
  // an old lang=, settings in another order, an encoded letter, something unusable.
  const canonical = encode(result.kept, settings) === pathname + (search.length > 1 ? search : '');
  return {
    snapshot: result.snapshot,
    kept: result.kept,
    dropped: [],
    settings,
    partlyUnusable: unusable,
    notFound,
    rewrite: unusable || !canonical,
  };
}

/** The canonical address (path and query) for these answers and settings. */
export function encode(answers: Answers, settings: Settings = {}): string {
  const parts: string[] = [];
  if (settings.lang && prefixedLangs().includes(settings.lang)) parts.push(settings.lang);
  for (const q of QUESTION_IDS) {
    const v = answers[q];
    if (v !== undefined) parts.push(encodeURIComponent(v));
  }
  const params = new URLSearchParams();
  if (settings.mode) params.set('mode', settings.mode);
  if (settings.view) params.set('view', settings.view);
  const query = params.toString();
  return `/${parts.map((p) => `${p}/`).join('')}${query ? `?${query}` : ''}`;
}

/** The path alone (no settings) of a step: the address of its prerendered page. */
export function pathOf(answers: Answers, lang?: string): string {
  return encode(answers, lang ? { lang } : {});
}
