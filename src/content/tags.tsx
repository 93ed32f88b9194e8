// Renders a content string's inline tags (<tel>…</tel>, <revoke>…</revoke>, <r>…</r>, …) as React
// elements: each tag's element from `components` (cloned, with the tag's content as children).
// What react-i18next's <Trans components={…}> does for these strings, without its HTML parser:
// about 4 KB gzip less JavaScript on the first screen (issue 4). Tags nest; an unknown tag
// keeps its content and drops the tag (content tests reject unknown tags anyway).
import { cloneElement, Fragment, type ReactElement, type ReactNode } from 'react';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e]!);

export function renderTags(text: string, components: Readonly<Record<string, ReactElement>>): ReactNode[] {
  let at = 0;
  const parse = (closing?: string): ReactNode[] => {
    const out: ReactNode[] = [];
    while (at < text.length) {
      const lt = text.indexOf('<', at);
      if (lt < 0) {
        out.push(unescape(text.slice(at)));
        at = text.length;
        break;
      }
      if (lt > at) out.push(unescape(text.slice(at, lt)));
      const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)\s*(\/?)>/.exec(text.slice(lt));
      if (!tag) {
        out.push('<');
        at = lt + 1;
        continue;
      }
      at = lt + tag[0].length;
      const [, close, name, selfClosing] = tag as unknown as [string, string, string, string];
      if (close) {
        if (name === closing) return out;
        continue; // a stray closing tag: dropped
      }
      const children = selfClosing ? [] : parse(name);
      const element = components[name];
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
