// Typed access to the language-independent content: which steps an outcome shows (and when), and
// the official sources they cite. The words themselves are i18next resources (content/<lang>/).
import structure from '../../content/outcomes.json';
import meta from '../../content/meta.json';
import type { Answers, OutcomeId } from '../machine/questions';

export type Confidence = 'high' | 'medium' | 'low';
export type When = Partial<Record<keyof Answers, string | string[]>>;
export type Entry = {
  id: string;
  sources: string[];
  facts: string[];
  confidence?: Confidence;
  when?: When;
};
export type Head = Omit<Entry, 'id' | 'when'>;
export type OutcomeContent = {
  /** 'before': do not reset or hand over first; 'reset': keep the reset phone. */
  warning?: 'before' | 'reset';
  /** 'lost' promises 24 h / 365 days (loss and theft only); 'general' promises no hours. */
  callNow?: 'lost' | 'card' | 'general';
  /** What backs the title and the lead. */
  head: Head;
  /** What to say on the call, shown right under the call button. */
  callSay?: Entry;
  /** Shop mode: when the clerk must not take the old phone today (words: ui.shop.stop.<id>). */
  shopStop?: Entry;
  steps: Entry[];
  notes: Entry[];
};
export { sources } from './sources';

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
    warning: c.warning,
    callNow: c.callNow,
    head: c.head,
    callSay: c.callSay,
    shopStop: c.shopStop,
    steps: c.steps.filter((e) => applies(e, answers)),
    notes: c.notes.filter((e) => applies(e, answers)),
    commonNotes: commonNotes.filter((e) => applies(e, answers)),
  };
}

/** Whether a confidence label is shown (anything below high rests on press, municipal pages or blogs). */
export function isLabelled(entry: { confidence?: Confidence }): boolean {
  return entry.confidence === 'medium' || entry.confidence === 'low';
}

/** Every official source an outcome can cite for these answers, in first-cited order. */
export function sourcesFor(entries: Entry[]): string[] {
  return [...new Set(entries.flatMap((e) => e.sources))];
}
