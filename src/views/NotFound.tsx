// An address that is no step of the guide (a mistyped or cut-off link): say so, and offer the
// start, and the step the address was on its way to when its beginning was one.
import { useTranslation } from 'react-i18next';
import { GuideLink } from './GuideLink';
import { withRuby } from './Rich';

type Props = { startHref: string; stepHref?: string; onStart: () => void; onStep: () => void };

export function NotFound({ startHref, stepHref, onStart, onStep }: Props) {
  const { t } = useTranslation();
  return (
    <section className="step not-found" data-not-found aria-labelledby="step-heading">
      <h1 id="step-heading" tabIndex={-1}>
        {withRuby(t('ui:notFound.title'))}
      </h1>
      <p>{t('ui:notFound.body')}</p>
      <ul className="not-found-links">
        <li>
          <GuideLink href={startHref} onGo={onStart}>
            {withRuby(t('ui:notFound.start'))}
          </GuideLink>
        </li>
        {stepHref && (
          <li>
            <GuideLink href={stepHref} onGo={onStep}>
              {withRuby(t('ui:notFound.step'))}
            </GuideLink>
          </li>
        )}
      </ul>
    </section>
  );
}
