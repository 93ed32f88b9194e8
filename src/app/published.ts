// The register of published addresses (src/machine/published-addresses.json) read through the
// flow's declared changes (src/machine/successors.ts): where each address the guide has ever
// published leads now. Used by the build (a redirect page at each retired address), by the app
// (an old address reached offline or through the history), and by tests. The app loads this
// module only when an address is no step of today's flow, so the register never weighs on the
// first screen.
import register from '../machine/published-addresses.json';
import { carryOver } from '../machine/successors';
import { replay } from '../machine/replay';
import { stepOf } from '../machine/step';
import { encode } from './url';

export type Published = {
  path: string;
  /** The language (`ja`, `en`, `easy`). */
  lang: string;
  /** The flow version it was published at. */
  flow: number;
  /** The answers it stood for, by question id. */
  answers: Record<string, string>;
  /** What it showed: `question:<id>` or `outcome:<id>`. */
  step: string;
};

export const PUBLISHED = register.addresses as Published[];

/** The step a snapshot shows, in the register's notation. */
export function stepName(snapshot: ReturnType<typeof replay>['snapshot']): string {
  const step = stepOf(snapshot);
  return step.kind === 'question' ? `question:${step.question}` : `outcome:${step.outcome}`;
}

/** Where a published address leads in today's flow: its canonical address and the step shown there. */
export function successorOf(entry: Published): { path: string; step: string; kept: Record<string, string> } {
  const { snapshot, kept } = replay(carryOver(entry.answers, entry.flow));
  const lang = entry.lang === 'ja' ? {} : { lang: entry.lang };
  return { path: encode(kept, lang), step: stepName(snapshot), kept: kept as Record<string, string> };
}

/** Published addresses that are no longer a step's address, each with the address it now leads to. */
export function retired(): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of PUBLISHED) {
    const next = successorOf(entry).path;
    if (next !== entry.path) out.set(entry.path, next);
  }
  return out;
}

/** The successor of a retired published address (a path with its final slash), or null. */
export function resolvePublished(pathname: string): string | null {
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`;
  const entry = PUBLISHED.find((e) => e.path === path);
  if (!entry) return null;
  const next = successorOf(entry).path;
  return next === entry.path ? null : next;
}
