// The guide's place lives in the URL (src/app/url.ts). This hook reads it, and turns answers and links into
// history entries: every answer adds one, so the browser's Back and Forward move between
// questions and a reload keeps the place. No routing decision is made here: the machine decides
// (via replay), this only moves between addresses.
import { startTransition, useCallback, useEffect, useState } from 'react';
import type { Answers, QuestionId } from '../machine/questions';
import { QUESTION_IDS } from '../machine/questions';
import { replay } from '../machine/replay';
import { stepOf, type GuideSnapshot } from '../machine/step';
import { decode, encode, type Decoded, type Settings } from './url';
import { outcomeReady } from './lazyOutcome';
import { langOf } from '../content/i18n';

export type GuideView = Decoded & {
  /** The link's notice (part of it could not be used). */
  notice: boolean;
  /** Increments on each move inside the guide, so the step can take focus. 0 on first load. */
  moves: number;
  /** Answers being changed: kept aside while one earlier answer is re-asked. */
  pending?: Answers;
};

/**
 * Moving to an outcome whose screen or words are still loading (a lazy chunk:
 * src/app/lazyOutcome.tsx) is a transition, which keeps the current step on screen until the
 * outcome can paint complete. Once they are loaded (usually: main.tsx fetches them after the
 * first screen) the move renders at once: a transition renders in slices, slower on a slow phone.
 */
function commit(snapshot: GuideSnapshot, settings: Settings, update: () => void): void {
  if (stepOf(snapshot).kind === 'outcome' && !outcomeReady(langOf(settings))) startTransition(update);
  else update();
}

type HistoryState = { guide: true; depth: number };

function currentDepth(): number {
  const s = window.history.state as HistoryState | null;
  return s?.guide ? s.depth : 0;
}

export function useGuide(initialPath: string, initialSearch: string) {
  // The address the page was opened with, decoded once: it never changes (moves update `view`).
  const [initial] = useState(() => decode(initialPath, initialSearch));
  const [view, setView] = useState<GuideView>(() => ({ ...initial, notice: initial.partlyUnusable, moves: 0 }));

  // An address that is not the canonical one (an old query-string link, a partly unusable one) is
  // rewritten to what was kept, in place (no new history entry). A path that is no step keeps its
  // address: the page says it was not found. Runs once, as `initial` never changes: later
  // rewrites happen in go().
  useEffect(() => {
    // Every step opens at its top (App.tsx), on Back and Forward too: the browser must not put back
    // the scroll position of the entry after the app has moved to its top.
    if ('scrollRestoration' in window.history) window.history.scrollRestoration = 'manual';
    const url = encode(initial.kept, initial.settings);
    const depth = currentDepth();
    if (initial.rewrite && !initial.notFound) window.history.replaceState({ guide: true, depth }, '', url);
    else if (!(window.history.state as HistoryState | null)?.guide)
      window.history.replaceState({ guide: true, depth }, '', window.location.href);
    const onPop = () => {
      const d = decode(window.location.pathname, window.location.search);
      commit(d.snapshot, d.settings, () => setView((v) => ({ ...d, notice: false, moves: v.moves + 1 })));
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [initial]);

  const go = useCallback(
    (answers: Answers, settings: Settings, opts: { pending?: Answers; replace?: boolean } = {}) => {
      const d = replay(answers as Record<string, string>);
      const url = encode(d.kept, settings);
      const replace = opts.replace || settings.mode === 'shop';
      const depth = currentDepth() + (replace ? 0 : 1);
      if (replace) window.history.replaceState({ guide: true, depth }, '', url);
      else window.history.pushState({ guide: true, depth }, '', url);
      commit(d.snapshot, settings, () =>
        setView((v) => ({
          ...d,
          settings,
          partlyUnusable: false,
          notFound: false,
          rewrite: false,
          notice: false,
          moves: v.moves + 1,
          pending: opts.pending,
        })),
      );
    },
    [],
  );

  /** Answer the current question. While changing an earlier answer, later answers that still apply are kept. */
  const answer = useCallback(
    (question: QuestionId, value: string) => {
      const given: Record<string, string> = { ...view.pending, ...view.kept, [question]: value };
      go(given as Answers, view.settings);
    },
    [go, view],
  );

  /** Re-ask `question`, keeping the other answers aside until it is answered. */
  const change = useCallback(
    (question: QuestionId) => {
      go(answersBefore(view.kept, question), view.settings, { pending: view.kept });
    },
    [go, view],
  );

  const back = useCallback(() => {
    // Shop mode never walks the history: the entry before it may hold another customer's answers.
    if (view.settings.mode !== 'shop' && currentDepth() > 0) window.history.back();
    else go(withoutLast(view.kept), view.settings, { replace: true });
  }, [go, view]);

  const restart = useCallback(() => go({}, view.settings), [go, view.settings]);

  return { view, answer, change, back, restart, go };
}

/** The answers given before `question` was asked. */
export function answersBefore(answers: Answers, question: QuestionId): Answers {
  const out: Record<string, string> = {};
  for (const q of QUESTION_IDS) {
    if (q === question) break;
    const v = answers[q];
    if (v !== undefined) out[q] = v;
  }
  return out as Answers;
}

/** The answers without the last one given (the previous question). */
export function withoutLast(answers: Answers): Answers {
  const keys = QUESTION_IDS.filter((q) => answers[q] !== undefined);
  const last = keys[keys.length - 1];
  return last ? answersBefore(answers, last) : {};
}
