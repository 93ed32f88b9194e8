// The page: reads the guide's place from the URL (useGuide), asks the machine what step that is,
// and renders it. Focus, title and the screen-reader announcement follow each move.
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionId } from '../machine/questions';
import { ensureLanguage, HTML_LANG, langOf, plainText } from '../content/i18n';
import { replay } from '../machine/replay';
import { stepOf } from '../machine/step';
import { pageDescription, pageTitle } from '../content/title';
import { installPrintStylesheet } from '../shop/printStylesheet';
import { runShopResetHooks } from '../shop/resetHooks';
import { encode } from './url';
import { answersBefore, useGuide, withoutLast } from './useGuide';
import { LanguageSwitch, settingsFor } from '../views/LanguageSwitch';
import { Layout } from '../views/Layout';
import { OutcomeView } from './lazyOutcome';
import { UpdateNotice } from '../offline/pwaNotice';
import { NotFound } from '../views/NotFound';
import { QuestionView } from '../views/QuestionView';
import { Rich } from '../views/Rich';

// Shop mode's controls (reset, inactivity timer, counter styles): a lazy chunk, only in shop mode.
const ShopControls = lazy(() => import('../shop/ShopControls'));
// The overview map (?view=overview): a lazy chunk, only for that view.
const Overview = lazy(() => import('../views/Overview'));

/** The address the page was opened at (window.location's, or a prerendered page's). */
export function App({ path, search = '' }: { path: string; search?: string }) {
  const { t } = useTranslation();
  const { view, answer, change, back, restart, go } = useGuide(path, search);
  const lang = langOf(view.settings);
  const step = stepOf(view.snapshot);
  const answered = Object.keys(view.kept).length;
  const overview = view.settings.view === 'overview';
  const title = view.notFound ? pageTitle(t, null) : pageTitle(t, step, overview, view.kept);
  const announce = useRef<HTMLParagraphElement>(null);
  const shop = view.settings.mode === 'shop';
  // The language the counter was opened in: a reset goes back to it.
  const counterLang = useRef(view.settings.lang);

  useEffect(installPrintStylesheet, []);

  /** Shop mode: forget this customer (answers, pending change, notice) and ask the first question. */
  const resetShop = useCallback(() => {
    const lang = counterLang.current;
    // The next customer's first entry replaces this one; the earlier entries of this customer
    // become the counter's first question if Back or Forward reaches them (useGuide).
    go({}, lang ? { mode: 'shop', lang } : { mode: 'shop' }, { replace: true, newCustomer: true });
    document.documentElement.scrollTop = 0;
    runShopResetHooks();
  }, [go]);

  // The words follow the address's language (also on Back/Forward); it is loaded already unless
  // the page was rendered without main.tsx's ensureLanguage(), and switches before paint.
  useLayoutEffect(() => {
    document.documentElement.lang = HTML_LANG[lang];
    ensureLanguage(lang)?.catch(() => undefined);
  }, [lang]);

  // The page's description follows the step and the language, as the built pages carry it.
  const description = view.notFound
    ? pageDescription(t, null)
    : plainText(overview ? t('ui:meta.description') : pageDescription(t, step));
  useEffect(() => {
    document.querySelector('meta[name="description"]')?.setAttribute('content', description);
  }, [description]);

  // A new step opens at its top, with focus on its heading: before the browser paints it, so it is
  // never seen scrolled to where the previous step's answer was tapped (the header and the back
  // link out of view). Focusing without scrolling keeps it there.
  useLayoutEffect(() => {
    if (view.moves === 0) return;
    const page = document.scrollingElement;
    if (page) page.scrollTop = 0;
    document.getElementById('step-heading')?.focus({ preventScroll: true });
  }, [view.moves]);

  useEffect(() => {
    document.title = title;
    if (view.moves === 0) return;
    if (announce.current) announce.current.textContent = title;
  }, [view.moves, title]);

  const hrefFor = (q: QuestionId) => encode(answersBefore(view.kept, q), view.settings);
  const restartHref = encode({}, view.settings);

  return (
    <Layout
      settings={view.settings}
      onHome={shop ? resetShop : undefined}
      compact={answered > 0 || overview}
      shopControls={
        shop && (
          <Suspense fallback={null}>
            <ShopControls
              onReset={resetShop}
              active={answered > 0 || view.pending !== undefined}
              outcome={!view.notFound && !overview && step.kind === 'outcome'}
            />
          </Suspense>
        )
      }
      languageSwitch={
        <LanguageSwitch
          current={lang}
          answers={view.kept}
          settings={view.settings}
          onSwitch={(to) => go(view.kept, settingsFor(view.settings, to), { pending: view.pending })}
        />
      }
    >
      <p ref={announce} className="visually-hidden" role="status" aria-live="polite" />
      <UpdateNotice shop={shop} />
      {view.notice && (
        <p className="notice" data-notice role="status">
          {t('ui:notice.partlyUnusable')}
        </p>
      )}
      {/* The outcome screen is a lazy chunk (src/app/lazyOutcome.tsx); a move to it waits until it
          has loaded (useGuide), so this boundary only catches what nothing waited for. */}
      <Suspense fallback={null}>
        {view.notFound ? (
          <NotFound
            startHref={restartHref}
            stepHref={answered > 0 ? encode(view.kept, view.settings) : undefined}
            onStart={restart}
            onStep={() => go(view.kept, view.settings)}
          />
        ) : overview ? (
          <Suspense fallback={null}>
            <Overview settings={view.settings} />
          </Suspense>
        ) : step.kind === 'question' ? (
          <QuestionView
            key={step.question}
            question={step.question}
            given={view.kept}
            answers={step.answers}
            number={answered + 1}
            backHref={answered > 0 ? encode(withoutLast(view.kept), view.settings) : undefined}
            changing={view.pending !== undefined}
            onAnswer={answer}
            answerHref={(a) =>
              // Every answer offered leads on from the answers kept; only while an earlier answer is
              // being changed may later ones no longer apply (replaying is not free on a slow phone).
              encode(
                view.pending
                  ? replay({ ...view.pending, ...view.kept, [step.question]: a }).kept
                  : { ...view.kept, [step.question]: a },
                view.settings,
              )
            }
            onBack={back}
          />
        ) : (
          <OutcomeView
            key={step.outcome}
            outcome={step.outcome}
            answers={view.kept}
            settings={view.settings}
            hrefFor={hrefFor}
            restartHref={restartHref}
            onChange={change}
            onRestart={restart}
          />
        )}
      </Suspense>
      {/* Below the first question, not above it: a person who just lost a phone must see that
          answer without scrolling on a small phone. */}
      {answered === 0 && !overview && !view.notFound && (
        <div className="intro">
          <p>
            <Rich k="ui:intro.body" />
          </p>
          <p className="privacy">{t('ui:intro.privacy')}</p>
        </div>
      )}
    </Layout>
  );
}
