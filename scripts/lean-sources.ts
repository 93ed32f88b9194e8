// Vite plugin, build only: the app links official sources by name (src/content/sources.ts), and
// each entry's `note` (a caveat for the people who keep the register, never shown on screen) would
// ride along to every first screen. The built app gets content/sources.json without those notes;
// tests and scripts read the whole file.
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
      for (const entry of Object.values(sources)) delete entry.note;
      return { code: JSON.stringify(sources), map: null };
    },
  };
}
