// Renders a content string's inline tags (read by src/content/markup.ts) (<tel>…</tel>, <revoke>…</revoke>, <r>…</r>, …) as React
// elements: each tag's element from `components` (cloned, with the tag's content as children).
// What react-i18next's <Trans components={…}> does for these strings, without its HTML parser:
// about 4 KB gzip less JavaScript on the first screen (issue 4). Tags nest; an unknown tag
// keeps its content and drops the tag (content tests reject unknown tags anyway).
import { cloneElement, Fragment, type ReactElement, type ReactNode } from 'react';
import { tokens } from './markup';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e]!);

export function renderTags(text: string, components: Readonly<Record<string, ReactElement>>): ReactNode[] {
  const list = tokens(text);
  let at = 0;
  const parse = (closing?: string): ReactNode[] => {
    const out: ReactNode[] = [];
    while (at < list.length) {
      const token = list[at++]!;
      if (token.kind === 'text') {
        out.push(unescape(token.text));
        continue;
      }
      if (token.kind === 'close') {
        if (token.name === closing) return out;
        continue; // a stray closing tag: dropped
      }
      const children = token.kind === 'empty' ? [] : parse(token.name);
      const element = components[token.name];
      out.push(
        element ? (
          cloneElement(element, { key: out.length }, ...children)
        ) : (
          <Fragment key={out.length}>{children}</Fragment>
        ),
      );
    }
    return out;
  };
  return parse();
}
