import { useTranslation } from 'react-i18next';
import { SITUATION_GROUPS, type Answers, type QuestionId } from '../machine/questions';
import { questionKey } from '../content/questionWords';
import { Rich, withRuby } from './Rich';
import { GuideLink } from './GuideLink';

type Props = {
  question: QuestionId;
  /** The answers given so far: some questions read differently after them (src/content/questionWords.ts). */
  given: Answers;
  answers: readonly string[];
  number: number;
  backHref?: string;
  changing: boolean;
  onAnswer: (question: QuestionId, value: string) => void;
  /** The address an answer leads to (the next step's page). */
  answerHref: (value: string) => string;
  onBack: () => void;
};

type ListProps = {
  question: QuestionId;
  given: Answers;
  ids: readonly string[];
  labelledBy?: string;
  onAnswer: (question: QuestionId, value: string) => void;
  answerHref: (value: string) => string;
};

// Each answer is a link to the next step's page: without JavaScript (or before it has started)
// a tap simply opens that page; with it, the app moves there in place.
function AnswerList({ question, given, ids, labelledBy, onAnswer, answerHref }: ListProps) {
  return (
    <ul className="answers" aria-describedby="question-hint" aria-labelledby={labelledBy}>
      {ids.map((a) => (
        <li key={a}>
          <GuideLink className="answer" data-answer={a} href={answerHref(a)} onGo={() => onAnswer(question, a)}>
            <Rich k={questionKey(question, `answers.${a}`, given)} />
          </GuideLink>
        </li>
      ))}
    </ul>
  );
}

export function QuestionView({
  question,
  given,
  answers,
  number,
  backHref,
  changing,
  onAnswer,
  answerHref,
  onBack,
}: Props) {
  const { t } = useTranslation();
  const k = (slot: string) => questionKey(question, slot, given);
  return (
    <section className="step question" data-question={question} aria-labelledby="step-heading">
      {backHref !== undefined && (
        <p className="back">
          <GuideLink href={backHref} onGo={onBack}>
            {withRuby(t('ui:question.back'))}
          </GuideLink>
        </p>
      )}
      <p className="eyebrow">{t('ui:question.progress', { current: number })}</p>
      <h1 id="step-heading" tabIndex={-1}>
        <Rich k={k('title')} />
      </h1>
      {changing && <p className="changing">{t('ui:question.changeNotice')}</p>}
      <p className="hint" id="question-hint">
        <Rich k={k('hint')} />
      </p>
      <details className="help">
        <summary>{withRuby(t('ui:question.help'))}</summary>
        <p>
          <Rich k={k('help')} />
        </p>
      </details>
      {question === 'situation' ? (
        // One question, its answers under two short headings (about the phone / about the card).
        Object.entries(SITUATION_GROUPS).map(([group, ids]) => (
          <div className="answer-group" key={group}>
            <h2 className="answer-group-heading" id={`group-${group}`}>
              <Rich k={`questions:situation.groups.${group}`} />
            </h2>
            <AnswerList
              question={question}
              given={given}
              ids={answers.filter((a) => (ids as readonly string[]).includes(a))}
              labelledBy={`group-${group}`}
              onAnswer={onAnswer}
              answerHref={answerHref}
            />
          </div>
        ))
      ) : (
        <AnswerList question={question} given={given} ids={answers} onAnswer={onAnswer} answerHref={answerHref} />
      )}
    </section>
  );
}
