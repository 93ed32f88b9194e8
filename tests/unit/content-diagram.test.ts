// docs/machine.mmd is generated from the machine (npm run diagram); it must not fall behind.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGRAM_PATH, machineDiagram } from '../../scripts/diagram';
import { OUTCOMES, QUESTION_IDS } from '../../src/machine/questions';
import { RULES_PATH, routingRows, rulesDocument } from '../../scripts/rules';
import { allPaths } from './paths';

describe('docs/machine.mmd', () => {
  it('is what `npm run diagram` writes today (run it and commit the file if this fails)', () => {
    const committed = readFileSync(join(import.meta.dirname, '../..', DIAGRAM_PATH), 'utf8');
    expect(committed).toBe(machineDiagram());
  });

  it('has every question and every outcome, each outcome with an arrow into it', () => {
    const mmd = machineDiagram();
    for (const q of QUESTION_IDS) expect(mmd).toContain(`  ${q}["${q}"]`);
    for (const o of OUTCOMES) {
      const id = o.replace(/-/g, '_');
      expect(mmd).toContain(`  ${id}(["${o}"])`);
      expect(mmd).toMatch(new RegExp(`-->\\|"[^"]+"\\| ${id}$`, 'm'));
    }
  });
});

describe('docs/rules.md', () => {
  it('is what `npm run diagram` writes today (run it and commit the file if this fails)', () => {
    const committed = readFileSync(join(import.meta.dirname, '../..', RULES_PATH), 'utf8');
    expect(committed).toBe(rulesDocument());
  });

  it('has a row for every path (certificate yes and unknown share one) and names every outcome', () => {
    const paths = allPaths();
    const unknowns = paths.filter((p) => p.answers.certificate === 'unknown').length;
    expect(routingRows()).toHaveLength(paths.length - unknowns);
    for (const o of OUTCOMES) expect(rulesDocument()).toContain(`| \`${o}\` |`);
  });
});
