// The guide's place on screen (the step the machine reached, the answers kept, the settings, the
// notice) as an XState actor, read by the page through @xstate/react: useGuide sends it each move
// and the views select what they show. It decides nothing: the rules are the guide machine's
// (src/machine/guide.ts), reached by replaying the answers (src/machine/replay.ts); this only
// says which place is on screen, and counts the moves so the new step can take focus.
import { assign, setup } from 'xstate';
import type { Answers } from '../machine/questions';
import type { Replay } from '../machine/replay';
import type { Decoded, Settings } from './url';

export type GuideView = Decoded & {
  /** The link's notice (part of it could not be used). */
  notice: boolean;
  /** Increments on each move inside the guide, so the step can take focus. 0 on first load. */
  moves: number;
  /** Answers being changed: kept aside while one earlier answer is re-asked. */
  pending?: Answers;
};

export type PlaceEvent =
  /** A move made in the guide (an answer, a change, back, restart, a language): always a step. */
  | { type: 'moved'; to: Replay; settings: Settings; pending?: Answers }
  /** The browser moved (Back, Forward) or an old address was followed: shown as it decodes. */
  | { type: 'opened'; to: Decoded };

export function placeOf(view: GuideView, event: PlaceEvent): GuideView {
  const moves = view.moves + 1;
  if (event.type === 'opened') return { ...event.to, notice: false, moves, pending: undefined };
  return {
    ...event.to,
    settings: event.settings,
    partlyUnusable: false,
    notFound: false,
    rewrite: false,
    notice: false,
    moves,
    pending: event.pending,
  };
}

/** The place as a machine of one state; its input is the address the page was opened at, decoded. */
export const placeLogic = setup({
  types: { context: {} as GuideView, events: {} as PlaceEvent, input: {} as Decoded },
}).createMachine({
  context: ({ input }) => ({ ...input, notice: input.partlyUnusable, moves: 0 }),
  on: {
    moved: { actions: assign(({ context, event }) => placeOf(context, event)) },
    opened: { actions: assign(({ context, event }) => placeOf(context, event)) },
  },
});
