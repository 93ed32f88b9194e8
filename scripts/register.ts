// `npm run register`: adds every address today's build publishes to the register of published
// addresses (src/machine/published-addresses.json), with the step it shows, its answers and the
// flow version. It only adds: an address once published stays in the register for good (shared
// links and printed QR codes are out in the world), and its test keeps it leading to its step.
// Run it after a change to the flow; tests/unit/links-register.test.ts fails until you have.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGS } from '../src/content/langs';
import { PUBLISHED, stepName, type Published } from '../src/app/published';
import { encode } from '../src/app/url';
import { replay } from '../src/machine/replay';
import { FLOW_VERSION } from '../src/machine/successors';
import { stepAnswers } from '../src/machine/walk';

export const REGISTER_FILE = 'src/machine/published-addresses.json';

/** Today's pages as register entries. */
export function currentEntries(): Published[] {
  return LANGS.flatMap((lang) =>
    stepAnswers().map((answers) => ({
      path: encode(answers, lang === 'ja' ? {} : { lang }),
      lang,
      flow: FLOW_VERSION,
      answers: answers as Record<string, string>,
      step: stepName(replay(answers as Record<string, string>).snapshot),
    })),
  );
}

/** The register with today's new addresses added at the end (nothing is removed or rewritten). */
export function grown(existing: readonly Published[]): Published[] {
  const known = new Set(existing.map((e) => e.path));
  return [...existing, ...currentEntries().filter((e) => !known.has(e.path))];
}

/** The file's text: one address a line, so a release's additions read as a plain diff. */
export function formatRegister(entries: readonly Published[]): string {
  const lines = entries.map((e) =>
    JSON.stringify({ path: e.path, lang: e.lang, flow: e.flow, step: e.step, answers: e.answers }),
  );
  return `{\n  "about": "Every address the guide has published, with the step it showed. Only grows: npm run register adds a release's new addresses (scripts/register.ts).",\n  "addresses": [\n    ${lines.join(',\n    ')}\n  ]\n}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const next = grown(PUBLISHED);
  fs.writeFileSync(REGISTER_FILE, formatRegister(next));
  console.log(
    `${REGISTER_FILE}: ${next.length} addresses (${next.length - PUBLISHED.length} added; ${currentEntries().length} pages today)`,
  );
}
