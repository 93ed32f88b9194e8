// The official sources registry (content/sources.json), on its own so that the first screen
// (whose help texts link sources) does not pull in the outcomes' structure (src/content.ts),
// which belongs to the lazy outcome chunk.
import sourcesJson from '../content/sources.json';

export type Source = {
  publisher: string;
  title: string;
  url: string;
  checked: string;
  seen: string;
  alternates?: Record<string, string>;
};

export const sources = sourcesJson as Record<string, Source>;

/** The source to link for `id` on a page in `lang`: the same official page in that language, if there is one. */
export function sourceIn(id: string, lang: string): string {
  return sources[id]?.alternates?.[lang] ?? id;
}
