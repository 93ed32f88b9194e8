// `vite build` warns when content/meta.json's checkedOn is more than WARN_AFTER_DAYS old: the
// words have not been compared with the facts for a while (outcomes say so on screen after
// STALE_AFTER_DAYS, src/content/freshness.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { STALE_AFTER_DAYS, WARN_AFTER_DAYS, daysSince } from '../src/content/freshness.ts';

export function freshnessWarning(now: () => Date = () => new Date()): Plugin {
  return {
    name: 'myna:freshness',
    apply: 'build',
    buildStart() {
      const file = path.join(import.meta.dirname, '..', 'content', 'meta.json');
      const meta = JSON.parse(fs.readFileSync(file, 'utf8')) as { checkedOn: string };
      const days = daysSince(meta.checkedOn, now());
      if (days > WARN_AFTER_DAYS)
        this.warn(
          `content/meta.json checkedOn is ${meta.checkedOn}, ${days} days ago: compare the words with content/facts.json ` +
            `(and npm run check-sources) and update it; after ${STALE_AFTER_DAYS} days every outcome says the guide may be out of date.`,
        );
    },
  };
}
