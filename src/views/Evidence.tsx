// What backs one step or note, from the evidence register (content/facts.json): each fact's
// verbatim quote, its source, how the page was seen, the date and how sure it is. A lazy chunk,
// loaded once an outcome is on screen and shown inside a closed disclosure (OutcomeView), so the
// register adds nothing to the first screen or to the tap that opens an outcome.
import { useWords } from '../content/useWords';
import register from '../../content/facts.json';
import type { Fact } from '../content/sources';
import { sourceEntries } from '../content/sourceDetails';
import { SourceLink, withRuby } from './Rich';
import { formatDate } from './formatDate';

const facts = register.facts as Record<string, Fact>;

export default function Evidence({ ids }: { ids: string[] }) {
  const { t } = useWords();
  const locale = t('ui:locale');
  return (
    <ul className="evidence-facts">
      {ids.map((id) => {
        const fact = facts[id];
        const source = fact ? sourceEntries[fact.source] : undefined;
        if (!fact || !source) return null;
        const named = source.title ? `${source.publisher}「${source.title}」` : source.publisher;
        return (
          <li key={id} data-fact={id}>
            {fact.quotes.length > 0 ? (
              fact.quotes.map((q) => (
                <blockquote key={q} lang="ja">
                  「{q}」
                </blockquote>
              ))
            ) : (
              <p className="evidence-noquote">{withRuby(t('ui:evidence.noQuote'))}</p>
            )}
            <p className="evidence-source">
              {source.tier === 'official' && source.url ? (
                <>
                  {source.publisher}
                  {t('ui:outcome.publisherSeparator')}
                  <SourceLink id={fact.source} />
                </>
              ) : (
                <span lang="ja">{named}</span>
              )}
            </p>
            <p className="evidence-meta">
              {withRuby(
                t('ui:evidence.meta', {
                  tier: t(`ui:evidence.tier.${source.tier}`),
                  rating: t(`ui:evidence.rating.${fact.rating}`),
                  seen: t(`ui:evidence.seen.${fact.seen}`),
                  date: formatDate(fact.date, locale),
                }),
              )}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
