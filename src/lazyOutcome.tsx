// Outcomes are a lazy chunk: the outcome screen (OutcomeView, the answer summary, the steps'
// structure and sources) and each language's `outcomes` words are loaded after the first screen,
// so the first question ships less JavaScript (issue 4's budget).
//
// They are never missing when an outcome is shown:
// - main.tsx starts loading them right after the first render (and awaits them before rendering
//   a deep link to an outcome; the built page also preloads them for such links);
// - moving to an outcome is a React transition (useGuide), so if they are still on their way the
//   question stays on screen until the outcome can paint complete: no blank frame, no shift.
import { use, type ComponentProps, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n, loadLanguage, type Lang } from './i18n';
import type { OutcomeView as OutcomeViewType } from './views/OutcomeView';

type Props = ComponentProps<typeof OutcomeViewType>;

let View: ComponentType<Props> | undefined;
let viewLoading: Promise<void> | undefined;

function loadView(): Promise<void> {
  viewLoading ??= import('./views/OutcomeView').then(
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

/** The outcome screen; suspends (inside a transition: the previous step stays) until loaded. */
export function OutcomeView(props: Props) {
  const { i18n: active } = useTranslation();
  const lang = active.resolvedLanguage ?? active.language;
  if (!outcomeReady(lang)) use(loadOutcome(lang as Lang));
  const Loaded = View!;
  return <Loaded {...props} />;
}
