// The guide's languages, apart from their words (src/content/i18n.ts loads those), so that code
// which only builds addresses (scripts, the register of published addresses) needs no content.
import { registerLangs } from '../app/url';

export const DEFAULT_LANG = 'ja';

/**
 * The languages, by their `lang` value in the URL (also the i18next language code and the folder
 * under content/). `easy` is やさしい日本語 (plain Japanese with furigana).
 */
export const LANGS = ['ja', 'en', 'easy'] as const;
export type Lang = (typeof LANGS)[number];

/** The `<html lang>` (and `lang` attribute) of each language: やさしい日本語 is Japanese. */
export const HTML_LANG: Record<Lang, string> = { ja: 'ja', en: 'en', easy: 'ja' };

registerLangs(LANGS);

export function isLang(value: string | undefined): value is Lang {
  return value !== undefined && (LANGS as readonly string[]).includes(value);
}

/** The language a settings object asks for (no `lang` means Japanese). */
export function langOf(settings: { lang?: string }): Lang {
  return isLang(settings.lang) ? settings.lang : DEFAULT_LANG;
}
