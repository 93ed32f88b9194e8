// The guide's place lives in the URL (src/app/url.ts). This hook reads it, and turns answers and links into
// history entries: every answer adds one, so the browser's Back and Forward move between
// questions and a reload keeps the place. No routing decision is made here: the machine decides
// (via replay), this only moves between addresses, and tells the place actor (src/app/place.ts)
// which step is now on screen.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useActor } from '@xstate/react';
import type { Answers, QuestionId } from '../machine/questions';
import { QUESTION_IDS } from '../machine/questions';
import { replay } from '../machine/replay';
import { stepOf } from '../machine/step';
import { decode, encode, type Decoded, type Settings } from './url';
import { loadOutcome, outcomeReady } from './lazyOutcome';
import { langOf, languageLoaded, loadLanguage } from '../content/i18n';
import { placeLogic, type PlaceEvent } from './place';

/**
 * What a place still waits for before it can paint complete: its language's words, and for an
 * outcome the outcome screen and words (lazy chunks: src/app/lazyOutcome.tsx). Usually nothing
 * (main.tsx fetches them after the first screen), and the move shows at once; otherwise the current
 * step stays on screen until they are here: no blank frame, no shift. A failed load still moves
 * (the outcome screen then says it could not load, with a retry).
 */
function stillLoading(to: Pick<Decoded, 'settings' | 'notFound' | 'snapshot'>): Promise<unknown> | null {
  const lang = langOf(to.settings);
  const waits: Promise<unknown>[] = [];
  if (!languageLoaded(lang)) waits.push(loadLanguage(lang));
  if (!to.notFound && stepOf(to.snapshot).kind === 'outcome' && !outcomeReady(lang)) waits.push(loadOutcome(lang));
  return waits.length ? Promise.all(waits).catch(() => undefined) : null;
}

/**
 * `customer` (shop mode only): which customer at the counter the entry belongs to, a random token
 * that 次のお客様へ (or the idle reset) replaces. Back and Forward move between one customer's
 * questions; an entry of another customer is never shown (useGuide's popstate).
 */
type HistoryState = { guide: true; depth: number; customer?: string };

function currentState(): HistoryState | null {
  const s = window.history.state as HistoryState | null;
  return s?.guide ? s : null;
}

/**
 * An address that is no step of today's flow may be one the guide published before (a shared
 * link or a printed QR code, opened offline or through the history, where the host's redirect
 * page is not served): the register (src/app/published.ts, a lazy chunk) names the step it leads
 * to now, and the address is rewritten to it in place.
 */
function followPublished(d: Decoded, show: (event: PlaceEvent) => void): void {
  const at = window.location.pathname;
  import('./published')
    .then(({ resolvePublished }) => {
      const next = resolvePublished(at);
      if (!next || window.location.pathname !== at) return; // not published, or the person moved on
      const moved = decode(next);
      window.history.replaceState(
        { ...currentState(), guide: true, depth: currentDepth() },
        '',
        encode(moved.kept, d.settings),
      );
      show({ type: 'opened', to: { ...moved, settings: d.settings } });
    })
    .catch(() => undefined); // offline without the chunk: the not-found page stays, with its links
}

function currentDepth(): number {
  return currentState()?.depth ?? 0;
}

function newCustomer(): string {
  return Math.random().toString(36).slice(2, 12);
}

export function useGuide(initialPath: string, initialSearch: string) {
  // The address the page was opened with, decoded once: it never changes (moves update `view`).
  const [initial] = useState(() => decode(initialPath, initialSearch));
  const [place, send] = useActor(placeLogic, { input: initial });
  const view = place.context;
  // Moves wait in order behind a place still loading, so a later tap never shows before an earlier one.
  const queue = useRef<Promise<void> | null>(null);
  const show = useCallback(
    (event: PlaceEvent) => {
      const to = event.type === 'moved' ? { ...event.to, settings: event.settings, notFound: false } : event.to;
      if (!queue.current) {
        const wait = stillLoading(to);
        if (!wait) return send(event);
        queue.current = wait.then(() => undefined);
      }
      const next: Promise<void> = queue.current
        .then(() => stillLoading(to))
        .then(() => {
          send(event);
          if (queue.current === next) queue.current = null;
        });
      queue.current = next;
    },
    [send],
  );
  // Shop mode: the customer now at the counter (kept across a reload of the same entry), and the
  // counter's first question (in the language it was opened in), where another customer's entry leads.
  const customer = useRef<string | undefined>(undefined);
  const counterStart = useRef(
    encode({}, { mode: 'shop', ...(initial.settings.lang ? { lang: initial.settings.lang } : {}) }),
  );

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
    if (initial.settings.mode === 'shop') customer.current = currentState()?.customer ?? newCustomer();
    const state: HistoryState = { guide: true, depth, ...(customer.current ? { customer: customer.current } : {}) };
    if (initial.rewrite && !initial.notFound) window.history.replaceState(state, '', url);
    else if (!currentState()?.guide || currentState()?.customer !== customer.current)
      window.history.replaceState(state, '', window.location.href);
    const onPop = () => {
      let d = decode(window.location.pathname, window.location.search);
      // At the counter, an entry that is not this customer's (the previous customer's, or one from
      // before the counter was opened) is never shown: it becomes the counter's first question.
      if (customer.current !== undefined && currentState()?.customer !== customer.current) {
        window.history.replaceState({ guide: true, depth: 0, customer: customer.current }, '', counterStart.current);
        d = decode(window.location.pathname, window.location.search);
      }
      show({ type: 'opened', to: d });
      if (d.notFound) followPublished(d, show);
    };
    if (initial.notFound) followPublished(initial, show);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [initial, show]);

  const go = useCallback(
    (
      answers: Answers,
      settings: Settings,
      opts: { pending?: Answers; replace?: boolean; newCustomer?: boolean } = {},
    ) => {
      const d = replay(answers as Record<string, string>);
      const url = encode(d.kept, settings);
      const replace = opts.replace ?? false;
      if (settings.mode === 'shop' && (opts.newCustomer || customer.current === undefined)) {
        customer.current = newCustomer();
        counterStart.current = encode({}, { mode: 'shop', ...(settings.lang ? { lang: settings.lang } : {}) });
      }
      // A new customer starts at depth 0: Back from their first question never walks into the last one's.
      const depth = opts.newCustomer ? 0 : currentDepth() + (replace ? 0 : 1);
      const state: HistoryState = { guide: true, depth, ...(customer.current ? { customer: customer.current } : {}) };
      if (replace) window.history.replaceState(state, '', url);
      else window.history.pushState(state, '', url);
      show({ type: 'moved', to: d, settings, pending: opts.pending });
    },
    [show],
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
    // The history is walked only within one customer (shop mode) and within the guide.
    if (currentDepth() > 0 && currentState()?.customer === customer.current) window.history.back();
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
