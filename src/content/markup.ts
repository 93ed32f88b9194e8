// The content's inline markup, read in one place. A content string is text with tags: <tel>…</tel>
// (a tap-to-call number), term tags (<revoke>…</revoke>), source tags (<s1>…</s1>), <strong>, <ja>
// (a Japanese name inside another language), <r>base|reading</r> (furigana), and the build's
// phrase-break marks (<wbr/>, <nowrap>). Everything that reads that markup builds on tokens():
// the renderer (src/content/tags.tsx), plain text for titles and labels (plainText below), the
// content checks (src/content/schema.ts tagsIn), the first-mention rule (src/views/Rich.tsx) and
// the build's phrase marks (scripts/phrase-breaks.ts). Entities (&amp; …) are text here; the
// renderer unescapes them.

export type Token =
  | { kind: 'text'; text: string }
  | { kind: 'open'; name: string }
  | { kind: 'close'; name: string }
  /** <wbr/>: a tag with no content. */
  | { kind: 'empty'; name: string };

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\s*(\/?)>/g;

/** The string as text and tags, in order. A '<' that starts no tag is text. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(TAG)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    const name = m[2]!;
    out.push({ kind: m[1] ? 'close' : m[3] ? 'empty' : 'open', name });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** The names of the tags a string opens (<tel> twice is 'tel' twice), in order. */
export function openTags(text: string): string[] {
  return tokens(text).flatMap((t) => (t.kind === 'open' ? [t.name] : []));
}

/**
 * A content string as plain text (for document.title, aria labels): ruby keeps its base text
 * (<r>電話|でんわ</r> → 電話), other inline tags are dropped and their text kept.
 */
export function plainText(text: string): string {
  let out = '';
  let ruby = 0;
  for (const t of tokens(text)) {
    if (t.kind === 'open' && t.name === 'r') ruby++;
    else if (t.kind === 'close' && t.name === 'r') ruby = Math.max(0, ruby - 1);
    else if (t.kind === 'text') out += ruby > 0 ? t.text.split('|')[0] : t.text;
  }
  return out;
}
