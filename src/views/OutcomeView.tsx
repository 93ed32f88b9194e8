import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { contentCheckedOn, entriesFor, sources, sourcesFor, type Entry } from '../content';
import { sourceIn } from '../sources';
import type { Answers, OutcomeId, QuestionId } from '../machine/questions';
import { PrintButton } from '../shop/PrintButton';
import type { Settings } from '../url';
import { AnswerSummary } from './AnswerSummary';
import { Rich, SourceLink, firstMentions } from './Rich';

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

export function formatDate(isoDate: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Asia/Tokyo' }).format(
    new Date(`${isoDate}T12:00:00+09:00`),
  );
}

function EntryBody({ entry, k, explain }: { entry: Entry; k: string; explain?: ReadonlySet<string> }) {
  const { t, i18n } = useTranslation();
  // On a page in another language, the same official page in that language where there is one.
  const linked = [...new Set(entry.sources.map((id) => sourceIn(id, i18n.language)))];
  return (
    <>
      <p className="entry-text">
        <Rich k={k} explain={explain} />
      </p>
      {entry.confidence && entry.confidence !== 'high' && <p className="check-official">{t('ui:outcome.checkOfficial')}</p>}
      <p className="entry-sources">
        {t('ui:outcome.sources')}
        {linked.map((id, i) => (
          <span key={id}>
            {i > 0 && t('ui:outcome.sourceSeparator')}
            <SourceLink id={id} />
          </span>
        ))}
      </p>
    </>
  );
}

export function OutcomeView({ outcome, answers, settings = {}, hrefFor, restartHref, onChange, onRestart }: Props) {
  const { t, i18n } = useTranslation();
  const { warning, callNow, steps, notes, commonNotes } = entriesFor(outcome, answers);
  const k = (slot: string) => `outcomes:${outcome}.${slot}`;
  const cited = [...new Set(sourcesFor([...steps, ...notes, ...commonNotes]).map((id) => sourceIn(id, i18n.language)))];
  const allNotes = [
    ...notes.map((n) => ({ entry: n, key: k(`notes.${n.id}`) })),
    ...commonNotes.map((n) => ({ entry: n, key: `outcomes:common.notes.${n.id}` })),
  ];
  // Explain each term the first time it appears on this screen, in reading order.
  const explain = firstMentions(
    [
      k('lead'),
      ...(warning ? ['ui:outcome.warning'] : []),
      ...steps.map((s) => k(`steps.${s.id}`)),
      ...allNotes.map((n) => n.key),
      'ui:outcome.helpBody',
    ],
    (key) => t(key),
  );
  return (
    <article className="step outcome" data-outcome={outcome} aria-labelledby="step-heading">
      <p className="eyebrow">{t('ui:outcome.label')}</p>
      <h1 id="step-heading" tabIndex={-1}>
        <Rich k={k('title')} />
      </h1>
      {callNow && (
        <p className="call-now">
          <Rich k="ui:outcome.callNow" />
          <span className="call-now-note">{t('ui:outcome.callNowNote')}</span>
        </p>
      )}
      <p className="lead">
        <Rich k={k('lead')} explain={explain.get(k('lead'))} />
      </p>
      {settings.mode === 'shop' && (
        <Suspense fallback={null}>
          <Handoff answers={answers} lang={settings.lang} />
        </Suspense>
      )}
      {warning && (
        <aside className="warning" aria-labelledby="warning-heading">
          <h2 id="warning-heading">{t('ui:outcome.warningHeading')}</h2>
          <p>
            <Rich k="ui:outcome.warning" explain={explain.get('ui:outcome.warning')} />
          </p>
        </aside>
      )}
      <h2>{t('ui:outcome.stepsHeading')}</h2>
      <ol className="steps">
        {steps.map((s) => (
          <li key={s.id} data-step={s.id}>
            <EntryBody entry={s} k={k(`steps.${s.id}`)} explain={explain.get(k(`steps.${s.id}`))} />
          </li>
        ))}
      </ol>
      {allNotes.length > 0 && (
        <>
          <h2>{t('ui:outcome.notesHeading')}</h2>
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
        <h2 id="help-heading">{t('ui:outcome.helpHeading')}</h2>
        <p>
          <Rich k="ui:outcome.helpBody" explain={explain.get('ui:outcome.helpBody')} />
        </p>
        <p>
          <Rich k="ui:outcome.helpForeign" />
        </p>
      </aside>
      <AnswerSummary answers={answers} hrefFor={hrefFor} restartHref={restartHref} onChange={onChange} onRestart={onRestart} />
      <section className="official" aria-labelledby="official-heading">
        <h2 id="official-heading">{t('ui:outcome.officialHeading')}</h2>
        <ul>
          {cited.map((id) => (
            <li key={id}>
              {sources[id]!.publisher}{t('ui:outcome.publisherSeparator')}<SourceLink id={id} />
            </li>
          ))}
        </ul>
        <p className="checked">{t('ui:outcome.checked', { date: formatDate(contentCheckedOn, t('ui:locale')) })}</p>
        <p className="checked-note">{t('ui:outcome.checkedNote')}</p>
      </section>
      {settings.mode !== 'shop' && (
        <p className="print-actions">
          <PrintButton answers={answers} lang={settings.lang} />
        </p>
      )}
    </article>
  );
}
