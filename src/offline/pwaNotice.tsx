// The polite notice that a new release is ready (not in shop mode: there it applies at the next
// reset, see src/offline/pwaUpdate.ts). It sits fixed at the bottom of the screen, over nothing the user
// is reading moving: appearing causes no layout shift. The status region is always in the page
// (empty until needed) so screen readers announce the notice when it appears.
import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { applyPendingUpdate, subscribeUpdate, updateReady } from './pwaUpdate';
import './pwa.css';

export function UpdateNotice({ shop }: { shop: boolean }) {
  const { t } = useTranslation();
  const ready = useSyncExternalStore(subscribeUpdate, updateReady, () => false);
  const [later, setLater] = useState(false);
  const show = ready && !shop && !later;
  return (
    <div className="update-notice" role="status" data-update-notice={show ? 'ready' : undefined}>
      {show && (
        <div className="update-notice-box">
          <p>{t('ui:update.ready')}</p>
          <p className="update-notice-actions">
            <button type="button" className="button" onClick={() => applyPendingUpdate()}>
              {t('ui:update.apply')}
            </button>
            <button type="button" className="button secondary" onClick={() => setLater(true)}>
              {t('ui:update.later')}
            </button>
          </p>
        </div>
      )}
    </div>
  );
}
