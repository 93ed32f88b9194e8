// Typed access to the language-independent content: which steps an outcome shows (and when), and
// the official sources they cite. The words themselves are i18next resources (content/<lang>/).
import structure from '../content/outcomes.json';
import meta from '../content/meta.json';
import type { Answers, OutcomeId } from './machine/questions';

export type Confidence = 'high' | 'medium' | 'low';
export type When = Partial<Record<keyof Answers, string | string[]>>;
export type Entry = {
  id: string;
  sources: string[];
  facts: string[];
  confidence?: Confidence;
  when?: When;
};
export type OutcomeContent = { warning?: boolean; callNow?: boolean; steps: Entry[]; notes: Entry[] };
export { sources, type Source } from './sources';

export const outcomeContent = structure.outcomes as unknown as Record<OutcomeId, OutcomeContent>;
export const commonNotes = structure.common.notes as unknown as Entry[];
export const contentCheckedOn: string = meta.checkedOn;

export function applies(entry: Entry, answers: Answers): boolean {
  if (!entry.when) return true;
  return Object.entries(entry.when).every(([q, want]) => {
    const given = answers[q as keyof Answers];
    return given !== undefined && (Array.isArray(want) ? want.includes(given) : want === given);
  });
}

/** Steps and notes an outcome shows for these answers; notes include the shared ones. */
export function entriesFor(outcome: OutcomeId, answers: Answers) {
  const c = outcomeContent[outcome];
  return {
    warning: Boolean(c.warning),
    callNow: Boolean(c.callNow),
    steps: c.steps.filter((e) => applies(e, answers)),
    notes: c.notes.filter((e) => applies(e, answers)),
    commonNotes: commonNotes.filter((e) => applies(e, answers)),
  };
}

/** Every official source an outcome can cite for these answers, in first-cited order. */
export function sourcesFor(entries: Entry[]): string[] {
  return [...new Set(entries.flatMap((e) => e.sources))];
}
