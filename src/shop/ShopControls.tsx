// Shop mode's controls (lazy chunk, loaded only in shop mode, with the counter styles): the
// 次のお客様へ button on every step and the inactivity warning that ends in the same reset.
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { IDLE_TIMEOUT_MS, OUTCOME_IDLE_TIMEOUT_MS, useIdleReset, WARNING_SECONDS } from './useIdleReset';
import './shop.css';
import { withRuby } from '../views/Rich';

type Props = {
  /** Clear everything and go back to the first question, still in shop mode. */
  onReset: () => void;
  /** True while there is something of a customer to clear (answers given). */
  active: boolean;
  /** True on an outcome: the customer may be doing step 1 on their own phone, so the wait is longer. */
  outcome?: boolean;
};

export default function ShopControls({ onReset, active, outcome = false }: Props) {
  const { t } = useTranslation();
  const { remaining, extend } = useIdleReset({
    enabled: active,
    onReset,
    timeoutMs: outcome ? OUTCOME_IDLE_TIMEOUT_MS : IDLE_TIMEOUT_MS,
  });
  return (
    <div className="shop-bar">
      <p className="shop-badge">{withRuby(t('ui:shop.badge'))}</p>
      <button type="button" className="shop-reset" data-action="reset" onClick={onReset}>
        {withRuby(t('ui:shop.reset'))}
      </button>
      {remaining !== null && createPortal(<IdleWarning remaining={remaining} onExtend={extend} />, document.body)}
    </div>
  );
}

function IdleWarning({ remaining, onExtend }: { remaining: number; onExtend: () => void }) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Focus moves into the alert dialog so screen readers read it out; it goes back on close.
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    button.current?.focus();
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, []);
  return (
    <div className="idle-backdrop" data-idle-warning>
      <div
        className="idle-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="idle-title"
        aria-describedby="idle-body"
      >
        <h2 id="idle-title">{withRuby(t('ui:shop.idleTitle'))}</h2>
        <p id="idle-body">{t('ui:shop.idleBody', { seconds: WARNING_SECONDS })}</p>
        <p className="idle-count" role="timer">
          {t('ui:shop.idleCount', { seconds: remaining })}
        </p>
        <button ref={button} type="button" className="idle-continue" onClick={onExtend}>
          {withRuby(t('ui:shop.idleContinue'))}
        </button>
      </div>
    </div>
  );
}
