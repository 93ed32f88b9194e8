// @vitest-environment node
// Deep links paint a static copy of their step before the app has loaded (scripts/prerender.ts
// writes one per step and language into dist/s/, the page's inline script fetches it). Each copy
// must exist and show exactly the step the machine gives for its address, with no notice.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { staticStepFile } from '../../scripts/prerender';
import { HTML_LANG, LANGS } from '../../src/content/i18n';
import type { Answers } from '../../src/machine/questions';
import { stepOf } from '../../src/machine/step';
import { decode, encode } from '../../src/app/url';
import { built } from './built';
import { allPaths } from './paths';

let dir: string;

beforeAll(async () => {
  ({ dir } = await built());
}, 120_000);

/** Every step after the first, as its canonical query without "?" (every prefix of every path). */
function expectedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const p of allPaths()) {
    const answers: Record<string, string> = {};
    for (const { question, answer } of p.steps) {
      answers[question] = answer;
      keys.add(encode(answers as Answers).slice(1));
    }
  }
  return keys;
}

describe('static steps for deep links (dist/s/)', () => {
  for (const lang of LANGS) {
    it(`${lang}: one file per step a link can lead to, each showing that step`, () => {
      const keys = [...expectedKeys()];
      if (lang !== 'ja') keys.push(''); // the first question in another language
      const files = keys.map((k) => staticStepFile(lang, k));
      expect(
        fs
          .readdirSync(path.join(dir, 's', lang))
          .map((f) => `s/${lang}/${f}`)
          .sort(),
      ).toEqual([...files].sort());
      for (const key of keys) {
        const search = '?' + [key, lang === 'ja' ? '' : `lang=${lang}`].filter(Boolean).join('&');
        const step = stepOf(decode(search).snapshot);
        const page = JSON.parse(fs.readFileSync(path.join(dir, staticStepFile(lang, key)), 'utf8')) as {
          html: string;
          title: string;
          lang: string;
        };
        const hook = step.kind === 'question' ? `data-question="${step.question}"` : `data-outcome="${step.outcome}"`;
        expect(page.html, search).toContain(hook);
        expect(page.html.match(/data-(question|outcome)="/g), search).toHaveLength(1);
        expect(page.html, search).not.toContain('data-notice');
        expect(page.lang).toBe(HTML_LANG[lang]);
        expect(page.title.length).toBeGreaterThan(0);
      }
    });
  }
});
