// Outcomes are a lazy chunk: the outcome screen (OutcomeView, the answer summary, the steps'
// structure and sources) and each language's `outcomes` words are loaded after the first screen,
// so the first question ships less JavaScript (issue 4's budget).
//
// They are never missing when an outcome is shown:
// - main.tsx starts loading them right after the first render (and awaits them before hydrating
//   an outcome's page);
// - moving to an outcome while they are still on their way waits for them (useGuide), so
//   the question stays on screen until the outcome can paint complete: no blank frame, no shift.
import { use, type ComponentProps, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n, loadLanguage, type Lang } from '../content/i18n';
import type { OutcomeView as OutcomeViewType } from '../views/OutcomeView';

type Props = ComponentProps<typeof OutcomeViewType>;

let View: ComponentType<Props> | undefined;
let viewLoading: Promise<void> | undefined;

function loadView(): Promise<void> {
  viewLoading ??= import('../views/OutcomeView').then(
    (m) => {
      View = m.OutcomeView;
    },
    (err: unknown) => {
      viewLoading = undefined; // let a later attempt retry (e.g. back online)
      throw err;
    },
  );
  return viewLoading;
}

/** True when an outcome can render in `lang` right now. */
export function outcomeReady(lang: string): boolean {
  return View !== undefined && i18n.hasResourceBundle(lang, 'outcomes');
}

const loads = new Map<string, Promise<void>>();

/** Load the outcome screen and `lang`'s outcome words (the same promise until it settles). */
export function loadOutcome(lang: Lang): Promise<void> {
  let p = loads.get(lang);
  if (!p) {
    p = Promise.all([loadView(), loadLanguage(lang)]).then(
      () => undefined,
      (err: unknown) => {
        loads.delete(lang);
        throw err;
      },
    );
    loads.set(lang, p);
  }
  return p;
}

const settled = new Map<string, Promise<boolean>>();

/** loadOutcome() that never rejects: true when loaded (a failure stays a failure until reload). */
function loadSettled(lang: Lang): Promise<boolean> {
  let p = settled.get(lang);
  if (!p) {
    p = loadOutcome(lang).then(
      () => true,
      () => false,
    );
    settled.set(lang, p);
  }
  return p;
}

/**
 * The outcome screen. A move waits for it (useGuide), so it suspends only where nothing waited: a
 * page rendered before main.tsx loaded it, or a load that failed (then it says so).
 */
export function OutcomeView(props: Props) {
  const { i18n: active } = useTranslation();
  const lang = active.resolvedLanguage ?? active.language;
  if (!outcomeReady(lang) && (!use(loadSettled(lang as Lang)) || !outcomeReady(lang))) return <LoadFailed />;
  const Loaded = View!;
  return <Loaded {...props} />;
}

/**
 * Never a blank page: if the chunk cannot be fetched (offline before the service worker was
 * installed, or a release replaced on the server), say so and offer a reload.
 */
function LoadFailed() {
  const { t } = useTranslation();
  return (
    <section className="step" aria-labelledby="step-heading" data-load-failed>
      <h1 id="step-heading" tabIndex={-1}>
        {t('ui:loadFailed.body')}
      </h1>
      <p>
        <button type="button" className="button load-failed-retry" onClick={() => window.location.reload()}>
          {t('ui:loadFailed.retry')}
        </button>
      </p>
    </section>
  );
}
