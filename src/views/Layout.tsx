import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../app/url';
import { encode } from '../app/url';
import { Rich } from './Rich';

export function Layout({
  settings,
  languageSwitch,
  shopControls,
  onHome,
  compact = false,
  children,
}: {
  settings: Settings;
  languageSwitch?: ReactNode;
  /** Shop mode's bar (次のお客様へ), in the header on every step. */
  shopControls?: ReactNode;
  /** Instead of following the site-name link (shop mode: reset in place, no history entry). */
  onHome?: () => void;
  /** After the first question: the name and the languages only (no tagline), so the step has the screen. */
  compact?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const home = encode({}, settings);
  return (
    <div className={settings.mode === 'shop' ? 'page shop' : 'page'}>
      <a className="skip-link" href="#main">
        {t('ui:header.skip')}
      </a>
      <header className={compact ? 'site-header compact' : 'site-header'}>
        <div className="container">
          <a
            className="site-name"
            href={home}
            onClick={
              onHome &&
              ((e) => {
                e.preventDefault();
                onHome();
              })
            }
          >
            {/* One flex item: loose text and ruby as flex items would each be a block, and a
                screen reader would read spaces between them (「スマホ 電子証明書 ナビ」). */}
            <span>
              <Rich k="ui:names.guide" />
            </span>
          </a>
          {!compact && (
            <p className="tagline">
              <Rich k="ui:header.tagline" />
            </p>
          )}
          {languageSwitch}
          {shopControls}
        </div>
      </header>
      <main id="main" className="container" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('ui:footer.about')}</p>
          <p>{t('ui:footer.privacy')}</p>
          {settings.mode !== 'shop' && (
            <p>
              <a href={encode({}, { ...settings, mode: 'shop' })}>{t('ui:footer.shopMode')}</a>
            </p>
          )}
          {settings.view !== 'overview' && (
            <p>
              <a href={encode({}, { ...settings, view: 'overview' })}>{t('ui:footer.overview')}</a>
            </p>
          )}
        </div>
      </footer>
    </div>
  );
}
