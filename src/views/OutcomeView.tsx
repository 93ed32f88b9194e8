import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWords } from '../content/useWords';
import { contentCheckedOn, entriesFor, isLabelled, sourcesFor, type Confidence, type Entry } from '../content/outcomes';
import { sourceIn } from '../content/sources';
import { sourceEntries } from '../content/sourceDetails';
import type { Answers, OutcomeId, QuestionId } from '../machine/questions';
import { PrintButton } from '../shop/PrintButton';
import type { Settings } from '../app/url';
import { AnswerSummary } from './AnswerSummary';
import { ReadAloud } from './ReadAloud';
import { HTML_LANG, type Lang } from '../content/i18n';
import { Rich, SourceLink, firstMentions, withRuby } from './Rich';
import { formatDate } from './formatDate';
import { isStale } from '../content/freshness';

type Props = {
  outcome: OutcomeId;
  answers: Answers;
  settings?: Settings;
  hrefFor: (question: QuestionId) => string;
  restartHref: string;
  onChange: (question: QuestionId) => void;
  onRestart: () => void;
};

// Shop mode's hand-off (QR code with uqr, print): a lazy chunk, only in shop mode.
const Handoff = lazy(() => import('../shop/Handoff'));
// The evidence register: a lazy chunk, requested once an outcome is on screen.
const Evidence = lazy(() => import('./Evidence'));

/** A short label on an item that rests on press, municipal pages or blogs; explained once per screen. */
function ConfidenceLabel({ confidence }: { confidence?: Confidence }) {
  const { t } = useWords();
  if (confidence !== 'medium' && confidence !== 'low') return null;
  return (
    <span className={`confidence confidence-${confidence}`} data-confidence={confidence}>
      {withRuby(t(`ui:outcome.confidence.${confidence}`))}
    </span>
  );
}

function SourceList({ ids }: { ids: string[] }) {
  const { t, i18n } = useWords();
  // On a page in another language, the same official page in that language where there is one.
  const linked = [...new Set(ids.map((id) => sourceIn(id, i18n.language)))];
  if (linked.length === 0) return null;
  return (
    <p className="entry-sources">
      {t('ui:outcome.sources')}
      {linked.map((id, i) => (
        <span key={id}>
          {i > 0 && t('ui:outcome.sourceSeparator')}
          <SourceLink id={id} />
          {sourceEntries[id]?.seen === 'title-only' && (
            <span className="title-only">{withRuby(t('ui:outcome.titleOnly'))}</span>
          )}
        </span>
      ))}
    </p>
  );
}

/**
 * What backs an item, closed by default (data-evidence): its official pages, then each fact's
 * quote, source, rating, how the page was seen and the date. Shop staff open it to show a
 * doubtful customer the official wording.
 */
function EvidenceBox({ entry }: { entry: Pick<Entry, 'sources' | 'facts'> }) {
  const { t } = useWords();
  // The quotes are rendered once the disclosure is opened: a closed outcome stays a small page.
  const [opened, setOpened] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  // Opened on the static page before the app had hydrated it: React does not replay that toggle.
  useEffect(() => {
    if (details.current?.open) setOpened(true);
  }, []);
  return (
    <details ref={details} className="evidence" data-evidence onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{withRuby(t('ui:evidence.summary'))}</summary>
      <SourceList ids={entry.sources} />
      {opened && (
        <Suspense fallback={null}>
          <Evidence ids={entry.facts} />
        </Suspense>
      )}
    </details>
  );
}

function EntryBody({ entry, k, explain }: { entry: Entry; k: string; explain?: ReadonlySet<string> }) {
  return (
    <>
      <p className="entry-text">
        <ConfidenceLabel confidence={entry.confidence} />
        <Rich k={k} explain={explain} />
      </p>
      <EvidenceBox entry={entry} />
    </>
  );
}

/** The call button's words for each kind of call (content/outcomes.json `callNow`). */
const CALL_NOW = {
  lost: { button: 'ui:outcome.callNow', note: 'ui:outcome.callNowNote' },
  card: { button: 'ui:outcome.callNowCard', note: 'ui:outcome.callNowNoteCard' },
  general: { button: 'ui:outcome.callNowGeneral', note: 'ui:outcome.callNowNoteGeneral' },
} as const;

export function OutcomeView({ outcome, answers, settings = {}, hrefFor, restartHref, onChange, onRestart }: Props) {
  const { t, i18n } = useTranslation();
  const { warning, callNow, head, callSay, shopStop, steps, notes, commonNotes } = entriesFor(outcome, answers);
  const shop = settings.mode === 'shop';
  const k = (slot: string) => `outcomes:${outcome}.${slot}`;
  const warningKey = warning === 'reset' ? 'ui:outcome.warningReset' : 'ui:outcome.warning';
  const cited = [
    ...new Set(
      sourcesFor([{ id: 'head', ...head }, ...steps, ...notes, ...commonNotes]).map((id) =>
        sourceIn(id, i18n.language),
      ),
    ),
  ];
  const allNotes = [
    ...notes.map((n) => ({ entry: n, key: k(`notes.${n.id}`) })),
    ...commonNotes.map((n) => ({ entry: n, key: `outcomes:common.notes.${n.id}` })),
  ];
  const labelled = [
    head,
    callSay,
    ...steps,
    ...allNotes.map((n) => n.entry),
    ...(shop && shopStop ? [shopStop] : []),
  ].some((e) => e && isLabelled(e));
  // Explain each term the first time it appears on this screen, in reading order (the order below).
  const [first, ...rest] = steps;
  const explain = firstMentions(
    [
      ...(first ? [k(`steps.${first.id}`)] : []),
      ...(warning ? [warningKey] : []),
      ...(callSay ? [k('callSay')] : []),
      ...rest.map((s) => k(`steps.${s.id}`)),
      k('lead'),
      ...allNotes.map((n) => n.key),
      'ui:outcome.helpBody',
    ],
    (key) => t(key),
  );
  const step = (s: Entry) => (
    <li key={s.id} data-step={s.id}>
      <EntryBody entry={s} k={k(`steps.${s.id}`)} explain={explain.get(k(`steps.${s.id}`))} />
    </li>
  );
  // The first screen holds the title, the call button and the first numbered step: what must not
  // be done first (the warning) and what to say on the call follow step 1, before the others; the
  // lead (why) and the legend of the labels come after the steps.
  return (
    <article
      className={shop ? 'step outcome outcome-shop' : 'step outcome'}
      data-outcome={outcome}
      aria-labelledby="step-heading"
    >
      <p className="eyebrow">{withRuby(t('ui:outcome.label'))}</p>
      <h1 id="step-heading" tabIndex={-1}>
        <Rich k={k('title')} />
      </h1>
      {isStale(contentCheckedOn) && (
        <p className="stale" data-stale>
          <Rich k="ui:outcome.stale" />
          {withRuby(t('ui:outcome.staleDate', { date: formatDate(contentCheckedOn, t('ui:locale')) }))}
        </p>
      )}
      {callNow && (
        <div className="call-now">
          <p>
            <Rich k={CALL_NOW[callNow].button} />
            <span className="call-now-note">{withRuby(t(CALL_NOW[callNow].note))}</span>
          </p>
        </div>
      )}
      {shop && shopStop && (
        <aside className="shop-stop" data-shop-stop={shopStop.id} aria-labelledby="shop-stop-heading">
          <h2 id="shop-stop-heading">{withRuby(t('ui:shop.stopHeading'))}</h2>
          <p>
            <ConfidenceLabel confidence={shopStop.confidence} />
            {withRuby(t(`ui:shop.stop.${shopStop.id}`))}
          </p>
        </aside>
      )}
      <div className="steps-block">
        <h2 className="steps-heading">{withRuby(t('ui:outcome.stepsHeading'))}</h2>
        {first && <ol className="steps">{step(first)}</ol>}
        {warning && (
          <aside className="warning" aria-labelledby="warning-heading">
            <h2 id="warning-heading">{withRuby(t('ui:outcome.warningHeading'))}</h2>
            <p>
              <Rich k={warningKey} explain={explain.get(warningKey)} />
            </p>
          </aside>
        )}
        {callSay && (
          <div className="call-say" data-call-say>
            <h2>{withRuby(t('ui:outcome.callSayHeading'))}</h2>
            <p>
              <ConfidenceLabel confidence={callSay.confidence} />
              <Rich k={k('callSay')} explain={explain.get(k('callSay'))} />
            </p>
            <EvidenceBox entry={callSay} />
          </div>
        )}
        {rest.length > 0 && (
          // The same numbered list, continued after the boxes (start: its numbers, for screen readers too).
          <ol className="steps steps-rest" start={2}>
            {rest.map(step)}
          </ol>
        )}
        <ReadAloud
          lang={HTML_LANG[i18n.language as Lang] ?? 'ja'}
          keys={[k('title'), ...steps.map((s) => k(`steps.${s.id}`))]}
        />
        {labelled && <p className="confidence-legend">{withRuby(t('ui:outcome.confidenceLegend'))}</p>}
        <p className="lead">
          <ConfidenceLabel confidence={head.confidence} />
          <Rich k={k('lead')} explain={explain.get(k('lead'))} />
        </p>
        <EvidenceBox entry={head} />
      </div>
      {shop && (
        <Suspense fallback={null}>
          <Handoff answers={answers} lang={settings.lang} />
        </Suspense>
      )}
      {allNotes.length > 0 && (
        <>
          <h2>{withRuby(t('ui:outcome.notesHeading'))}</h2>
          <ul className="notes">
            {allNotes.map(({ entry, key }) => (
              <li key={key} data-note={entry.id}>
                <EntryBody entry={entry} k={key} explain={explain.get(key)} />
              </li>
            ))}
          </ul>
        </>
      )}
      <aside className="help-box" aria-labelledby="help-heading">
        <h2 id="help-heading">{withRuby(t('ui:outcome.helpHeading'))}</h2>
        <p>
          <Rich k="ui:outcome.helpBody" explain={explain.get('ui:outcome.helpBody')} />
        </p>
        <p>
          <Rich k="ui:outcome.helpForeign" />
        </p>
      </aside>
      <AnswerSummary
        answers={answers}
        hrefFor={hrefFor}
        restartHref={restartHref}
        onChange={onChange}
        onRestart={onRestart}
      />
      <section className="official" aria-labelledby="official-heading">
        <h2 id="official-heading">{withRuby(t('ui:outcome.officialHeading'))}</h2>
        <ul>
          {cited.map((id) => (
            <li key={id}>
              {sourceEntries[id]!.publisher}
              {t('ui:outcome.publisherSeparator')}
              <SourceLink id={id} />
              {sourceEntries[id]!.seen === 'title-only' && (
                <span className="title-only">{withRuby(t('ui:outcome.titleOnly'))}</span>
              )}
            </li>
          ))}
        </ul>
        <p className="checked">
          {withRuby(t('ui:outcome.checked', { date: formatDate(contentCheckedOn, t('ui:locale')) }))}
        </p>
        <p className="checked-note">{withRuby(t('ui:outcome.checkedNote'))}</p>
      </section>
      {!shop && (
        <p className="print-actions">
          <PrintButton answers={answers} lang={settings.lang} />
        </p>
      )}
    </article>
  );
}
