// What a content key looks like when it reaches a reader instead of its words: i18next returns the
// key itself for a missing string (`lost-suspend.title`, or `outcomes:lost-suspend.title` with its
// namespace). Used by the browser walk (tests/e2e/helpers.ts) and the check over every built page
// (tests/unit/built-keys.test.ts). The first part of a bare key is one of the content's own ids
// (a question, an outcome, a term, a top-level group of ui.json), read from content/ja, so real
// words and addresses (`digital.go.jp`, `e.g.`) cannot match.
import ui from '../../content/ja/ui.json';
import questions from '../../content/ja/questions.json';
import outcomes from '../../content/ja/outcomes.json';
import terms from '../../content/ja/terms.json';

export const NAMESPACES = ['ui', 'questions', 'outcomes', 'terms'] as const;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
const ids = [...new Set([ui, questions, outcomes, terms].flatMap((ns) => Object.keys(ns)))]
  // Longest first, so `change-revoke-old-keep-card` is not read as `change`.
  .sort((a, b) => b.length - a.length)
  .map(escape);

// Not inside a word, an address or a longer dotted name; then `ns:` and a path, or a known id
// followed by at least one `.part`.
const KEY = new RegExp(
  `(?<![\\w./@:-])(?:(?:${NAMESPACES.join('|')}):[A-Za-z][\\w-]*(?:\\.[\\w-]+)*|(?:${ids.join('|')})(?:\\.[A-Za-z0-9][\\w-]*)+)(?![\\w-])`,
  'g',
);

/** Every piece of `text` shaped like a content key (empty when none). */
export function keyShaped(text: string): string[] {
  return [...text.matchAll(KEY)].map((m) => m[0]);
}
