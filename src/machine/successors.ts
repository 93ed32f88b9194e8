// What a published address means after the flow changes. Every address the build has published
// is in the register (published-addresses.json, with the answers it stood for and the flow
// version it was published at). When a change to the flow would give old answers another meaning
// (a question inserted or moved, an answer split or renamed), the change is declared here, once:
// how answers given under the old flow read under the new one. The redirect pages the build writes
// for retired addresses (scripts/prerender.ts), the app's own reading of an old address
// (src/app/published.ts, src/app/url.ts for old query-string links) and the register's test all
// use these declarations, so an old shared link or a printed QR code keeps leading to its step.
//
// Rules for a change (tests/unit/links-register.test.ts holds every published address to them):
// - `migrate` keeps every answer that still means the same, renames what was renamed, and drops
//   an answer that no longer has one meaning (a split answer): the guide then asks that question
//   again, with the earlier answers kept.
// - An outcome that old answers now reach instead of the one they showed is listed in `rerouted`
//   with the reason: never a different outcome without a recorded reason.

export type OldAnswers = Readonly<Record<string, string>>;

export type FlowChange = {
  /** The flow version this change makes. Addresses published at an earlier version are read through it. */
  version: number;
  /** Old answers as the new flow understands them. */
  migrate(answers: OldAnswers): Record<string, string>;
};

/** Why a change was made, and what it does to old addresses on purpose (read by tests and people). */
export type ChangeReasons = {
  /** When it was released (YYYY-MM-DD). */
  date: string;
  /** What changed, in a sentence (for the next engineer and the test's messages). */
  why: string;
  /** Outcomes old answers now lead to by design: `old outcome -> new outcome` → reason. */
  rerouted?: Readonly<Record<string, string>>;
  /** Questions the flow now asks where it did not (or later): question id → reason. */
  asks?: Readonly<Record<string, string>>;
};

/** The flow as the guide asks it now; the register records it with each new address. */
export const FLOW_VERSION = 2;

/**
 * Every change to the flow since addresses were first published (2026-12-02), oldest first. Its
 * reasons are in REASONS under the same version, apart so that the first screen (which reads old
 * query-string links through `migrate`) does not carry them.
 */
export const CHANGES: readonly FlowChange[] = [
  {
    version: 2,
    // `gone` covered a lost phone and a sold or broken one, which now go different ways: it has no
    // single meaning, so the guide asks the old phone's state again. Every other answer keeps its
    // meaning (the new order only moves newPlatform before newPhone).
    migrate: ({ oldPhone, ...rest }) => (oldPhone === 'gone' ? rest : oldPhone ? { ...rest, oldPhone } : rest),
  },
];

export const REASONS: Readonly<Record<number, ChangeReasons>> = {
  2: {
    date: '2026-12-04',
    why:
      'oldPhone `gone` is split into `lost` and `soldOrBroken`; the new phone is asked its platform ' +
      'before its support; "not registered" before a hand-over or repair gets how to be sure first.',
    asks: {
      oldPhone: '`gone` was split: a lost phone needs the call at once, a sold or broken one does not',
      newPlatform:
        'asked before newPhone now, so a new iPhone of unknown support is not given the unsupported-phone answer',
    },
    rerouted: {
      'no-certificate -> not-registered-check':
        'before a change, hand-over or repair, "not registered" now says how to be sure before the phone leaves your hands',
    },
  },
};

/** Answers given at flow `since`, read by the flow as it is now. */
export function carryOver(answers: OldAnswers, since: number): Record<string, string> {
  let out: Record<string, string> = { ...answers };
  for (const change of CHANGES) if (change.version > since) out = change.migrate(out);
  return out;
}

/** The recorded reason why old answers at flow `since` now reach `to` instead of `from`, if any. */
export function reroutedBecause(from: string, to: string, since: number): string | undefined {
  for (const [version, r] of Object.entries(REASONS))
    if (Number(version) > since && r.rerouted?.[`${from} -> ${to}`]) return r.rerouted[`${from} -> ${to}`];
  return undefined;
}

/** The recorded reason why the flow now asks `question` where answers of flow `since` did not, if any. */
export function askedBecause(question: string, since: number): string | undefined {
  for (const [version, r] of Object.entries(REASONS))
    if (Number(version) > since && r.asks?.[question]) return r.asks[question];
  return undefined;
}
