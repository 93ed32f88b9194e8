import { useTranslation } from 'react-i18next';
import { SITUATION_GROUPS, type QuestionId } from '../machine/questions';
import { Rich } from './Rich';
import { GuideLink } from './GuideLink';

type Props = {
  question: QuestionId;
  answers: readonly string[];
  number: number;
  backHref?: string;
  changing: boolean;
  onAnswer: (question: QuestionId, value: string) => void;
  onBack: () => void;
};

type ListProps = {
  question: QuestionId;
  ids: readonly string[];
  labelledBy?: string;
  onAnswer: (question: QuestionId, value: string) => void;
};

function AnswerList({ question, ids, labelledBy, onAnswer }: ListProps) {
  return (
    <ul className="answers" aria-describedby="question-hint" aria-labelledby={labelledBy}>
      {ids.map((a) => (
        <li key={a}>
          <button type="button" className="answer" data-answer={a} onClick={() => onAnswer(question, a)}>
            <Rich k={`questions:${question}.answers.${a}`} />
          </button>
        </li>
      ))}
    </ul>
  );
}

export function QuestionView({ question, answers, number, backHref, changing, onAnswer, onBack }: Props) {
  const { t } = useTranslation();
  const k = (slot: string) => `questions:${question}.${slot}`;
  return (
    <section className="step question" data-question={question} aria-labelledby="step-heading">
      {backHref !== undefined && (
        <p className="back">
          <GuideLink href={backHref} onGo={onBack}>
            {t('ui:question.back')}
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
        <summary>{t('ui:question.help')}</summary>
        <p>
          <Rich k={k('help')} />
        </p>
      </details>
      {question === 'situation' ? (
        // One question, its answers under two short headings (about the phone / about the card).
        Object.entries(SITUATION_GROUPS).map(([group, ids]) => (
          <div className="answer-group" key={group}>
            <h2 className="answer-group-heading" id={`group-${group}`}>
              <Rich k={k(`groups.${group}`)} />
            </h2>
            <AnswerList
              question={question}
              ids={answers.filter((a) => (ids as readonly string[]).includes(a))}
              labelledBy={`group-${group}`}
              onAnswer={onAnswer}
            />
          </div>
        ))
      ) : (
        <AnswerList question={question} ids={answers} onAnswer={onAnswer} />
      )}
    </section>
  );
}
