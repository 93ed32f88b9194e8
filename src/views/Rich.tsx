// Renders a content string with its inline tags: <tel>…</tel> becomes a tap-to-call link, a term
// tag (<revoke>失効</revoke>, ids from content/<lang>/terms.json) gets its plain-words meaning
// right where it appears, and a source tag (<s1>…</s1>, ids from content/sources.json) links
// the official page. A ruby tag (<r>電話|でんわ</r>, used by やさしい日本語) becomes
// <ruby>電話<rt>でんわ</rt></ruby>; the reading is hidden from accessible names, so a button's name
// stays its base text. A language tag (<ja>マイナアプリ</ja>, used by English for the Japanese
// names a user sees on screen) becomes <span lang="ja">, so a screen reader reads it in Japanese.
import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { renderTags } from '../content/tags';
import { openTags } from '../content/markup';
import { useWords } from '../content/useWords';
import { sourceIn, sources } from '../content/sources';
import termsJa from '../../content/ja/terms.json';

const TERM_IDS = Object.keys(termsJa);

function Term({ id, children }: { id: string; children?: ReactNode }) {
  const { t } = useWords();
  return (
    <span className="term">
      <dfn>{children}</dfn>
      <span className="term-meaning">{withRuby(t('ui:termMeaning', { meaning: t(`terms:${id}.meaning`) }))}</span>
    </span>
  );
}

function Ruby({ children }: { children?: ReactNode }) {
  const [base, reading] = splitRuby(flatten(children));
  return reading ? (
    <ruby>
      {base}
      <rt aria-hidden="true">{reading}</rt>
    </ruby>
  ) : (
    <>{base}</>
  );
}

function splitRuby(text: string): [string, string] {
  const bar = text.indexOf('|');
  return bar < 0 ? [text, ''] : [text.slice(0, bar), text.slice(bar + 1)];
}

// The build marks where a line may break between phrases (<wbr/>, scripts/phrase-breaks.ts) and
// what must stay on one line (<nowrap>…</nowrap>): both are elements, never characters, so the
// text copy-paste gets is unchanged. The <wbr> is aria-hidden: Chromium otherwise puts a space
// into the accessible name at each one (「この 結果の 公式ページ」).
const breaks: Record<string, ReactElement> = {
  wbr: <wbr aria-hidden="true" />,
  nowrap: <span className="nowrap" />,
};

const inline: Record<string, ReactElement> = { r: <Ruby />, ja: <span lang="ja" />, ...breaks };

/** A plain string (no other tags) with its ruby, language and line-break tags rendered. */
export function withRuby(text: string): ReactNode {
  if (!text.includes('<')) return text;
  return renderTags(text, inline);
}

export function telHref(text: string): string {
  return `tel:${text.replace(/[^0-9+]/g, '')}`;
}

function Tel({ children }: { children?: ReactNode }) {
  const text = flatten(children);
  return (
    <a className="tel" href={telHref(text)}>
      {children}
    </a>
  );
}

export function SourceLink({ id, children }: { id: string; children?: ReactNode }) {
  const { i18n } = useWords();
  const source = sources[sourceIn(id, i18n.language)];
  if (!source) return <>{children}</>;
  // An official page's own title is in that page's language (Japanese, or English for S2).
  const lang = children
    ? undefined
    : /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(source.title)
      ? 'ja'
      : 'en';
  return (
    <a href={source.url} rel="noopener noreferrer" lang={lang}>
      {children ?? source.title}
    </a>
  );
}

function flatten(node: ReactNode): string {
  if (node == null || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(flatten).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) return flatten(node.props.children);
  return '';
}

const components: Record<string, ReactElement> = {
  tel: <Tel />,
  strong: <strong />,
  r: <Ruby />,
  ja: <span lang="ja" />,
  ...breaks,
  ...Object.fromEntries(TERM_IDS.map((id) => [id, <Term key={id} id={id} />])),
  ...Object.fromEntries(Object.keys(sources).map((id) => [id.toLowerCase(), <SourceLink key={id} id={id} />])),
};

// A phone number never breaks at its hyphens (Chromium otherwise breaks a heading as
// "0120-95-" / "0178"): plain strings wrap each number in a no-wrap span, tagged strings get a
// <nowrap> tag around each number that is not already inside <tel> (a tel link never wraps).
const PHONE_NUMBER = /\d+(?:-\d+)+/g;

function keepNumbers(text: string): ReactNode {
  if (!/\d-\d/.test(text)) return text;
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(PHONE_NUMBER)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(
      <span className="nowrap" key={m.index}>
        {m[0]}
      </span>,
    );
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function nowrapTags(text: string): string {
  // Inside a <tel> that holds only the number, the link itself never wraps; one with more words
  // (the call button's 「0120-95-0178 に電話する」) wraps between them, never inside the number.
  return text
    .split(/(<tel>[\s\S]*?<\/tel>)/)
    .map((part) =>
      part.startsWith('<tel>') && /^<tel>[\d+-]*<\/tel>$/.test(part)
        ? part
        : part.replace(PHONE_NUMBER, '<nowrap>$&</nowrap>'),
    )
    .join('');
}

/** A term tag whose meaning is not repeated: the word alone, still marked as a term. */
function Mention({ children }: { children?: ReactNode }) {
  return <span className="term">{children}</span>;
}

const mentions: Record<string, ReactElement> = Object.fromEntries(TERM_IDS.map((id) => [id, <Mention key={id} />]));

/**
 * Which terms each string should explain so that, on one screen, a term's meaning is given the
 * first time it appears and not again. `keys` are in reading order; `raw` returns a string with
 * its tags (t() output).
 */
export function firstMentions(keys: string[], raw: (key: string) => string): Map<string, Set<string>> {
  const seen = new Set<string>();
  const out = new Map<string, Set<string>>();
  for (const key of keys) {
    const here = new Set<string>();
    for (const tag of openTags(raw(key))) {
      if (TERM_IDS.includes(tag) && !seen.has(tag)) {
        seen.add(tag);
        here.add(tag);
      }
    }
    out.set(key, here);
  }
  return out;
}

/** A content string with its inline tags. `explain`: the terms to explain here (default: all). */
export function Rich({ k, explain }: { k: string; explain?: ReadonlySet<string> }) {
  const { t } = useWords();
  // Most strings (titles, answers) have no tags or entities: render them as plain text without
  // parsing tags, which keeps an answer tap fast on a slow phone (issue 4). Same output.
  const text = t(k);
  if (!/[<&]/.test(text)) return <>{keepNumbers(text)}</>;
  const used = explain
    ? { ...components, ...Object.fromEntries(Object.entries(mentions).filter(([id]) => !explain.has(id))) }
    : components;
  // Phone numbers outside <tel> get a <nowrap> tag too.
  return <>{renderTags(nowrapTags(text), used)}</>;
}
