// Vite plugin, build only: the first screen links official sources by name (src/content/sources.ts),
// and all it needs of an entry is what a link needs: the address, the page's title and the same
// page in another language. The rest (publisher, tier, how it was seen, the date, and the `note`
// for the people who keep the register) would ride along to every first screen; the outcome
// screen and the evidence boxes read the whole file as text in their lazy chunks
// (src/content/sourceDetails.ts). Tests and scripts read the whole file.
import type { Plugin } from 'vite';

export function leanSources(): Plugin {
  return {
    name: 'myna:lean-sources',
    apply: 'build',
    // Before Vite's JSON plugin turns the file into a module.
    enforce: 'pre',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('/content/sources.json')) return null;
      const sources = JSON.parse(code) as Record<string, Record<string, unknown>>;
      const KEEP = new Set(['url', 'title', 'alternates']);
      for (const entry of Object.values(sources))
        for (const key of Object.keys(entry)) if (!KEEP.has(key)) delete entry[key];
      return { code: JSON.stringify(sources), map: null };
    },
  };
}
