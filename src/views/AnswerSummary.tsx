import { useTranslation } from 'react-i18next';
import { plainText } from '../content/i18n';
import { QUESTION_IDS, type Answers, type QuestionId } from '../machine/questions';
import { Rich, withRuby } from './Rich';
import { GuideLink } from './GuideLink';

type Props = {
  answers: Answers;
  hrefFor: (question: QuestionId) => string;
  restartHref: string;
  onChange: (question: QuestionId) => void;
  onRestart: () => void;
};

// "Your answers", each with a Change link whose hidden text names the question (GOV.UK pattern).
export function AnswerSummary({ answers, hrefFor, restartHref, onChange, onRestart }: Props) {
  const { t } = useTranslation();
  const given = QUESTION_IDS.filter((q) => answers[q] !== undefined);
  return (
    <section className="summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{withRuby(t('ui:answers.heading'))}</h2>
      <dl>
        {given.map((q) => (
          <div className="summary-row" key={q}>
            <dt>
              <Rich k={`questions:${q}.summary`} />
            </dt>
            <dd>
              <Rich k={`questions:${q}.answers.${answers[q]}`} />
            </dd>
            <dd className="summary-action">
              <GuideLink href={hrefFor(q)} onGo={() => onChange(q)}>
                {t('ui:answers.change')}
                <span className="visually-hidden">
                  {plainText(t('ui:answers.changeHidden', { question: t(`questions:${q}.summary`) }))}
                </span>
              </GuideLink>
            </dd>
          </div>
        ))}
      </dl>
      <p>
        <GuideLink className="button secondary" href={restartHref} onGo={onRestart}>
          {withRuby(t('ui:answers.restart'))}
        </GuideLink>
      </p>
    </section>
  );
}
