// The language switch, on every screen: each language's name written in that language, with its
// own `lang`, linking to the same place in the guide (same answers, same shop mode). A click loads
// the language first (a lazy chunk) and then moves, so the page never shows raw keys or a mix.
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ensureLanguage, HTML_LANG, LANGS, type Lang } from '../content/i18n';
import type { Answers } from '../machine/questions';
import { encode, type Settings } from '../app/url';

type Props = {
  current: Lang;
  answers: Answers;
  settings: Settings;
  onSwitch: (lang: Lang) => void;
};

export function settingsFor(settings: Settings, lang: Lang): Settings {
  const { lang: _old, ...rest } = settings;
  return lang === 'ja' ? rest : { ...rest, lang };
}

export function LanguageSwitch({ current, answers, settings, onSwitch }: Props) {
  const { t } = useTranslation();
  const click = (lang: Lang, href: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    if (lang === current) return;
    const pending = ensureLanguage(lang);
    if (!pending) onSwitch(lang);
    else
      pending.then(
        () => onSwitch(lang),
        () => window.location.assign(href), // could not load the words here: let the browser try
      );
  };
  return (
    <nav className="lang-switch" aria-label={t('ui:languages.label')}>
      <ul>
        {LANGS.map((lang) => {
          const href = encode(answers, settingsFor(settings, lang));
          return (
            <li key={lang}>
              <a
                href={href}
                lang={HTML_LANG[lang]}
                hrefLang={HTML_LANG[lang]}
                aria-current={lang === current ? 'true' : undefined}
                onClick={click(lang, href)}
              >
                {t(`ui:languages.${lang}`)}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
