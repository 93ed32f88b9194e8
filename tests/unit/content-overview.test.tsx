// The overview map (?view=overview) is generated from the machine: it must show exactly the
// machine's paths, each ending in a link to that outcome's own address.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../src/content/i18n';
import { QUESTIONS, QUESTION_IDS, type Answers } from '../../src/machine/questions';
import { stepOf } from '../../src/machine/step';
import { decode, encode } from '../../src/app/url';
import { overviewTree, type OverviewNode } from '../../src/views/Overview';
import { allPaths } from './paths';
import { renderGuide } from './render';

const t = i18n.getFixedT('ja');

function leavesOf(node: OverviewNode): { answers: Answers; outcome: string }[] {
  if (node.kind === 'outcome') return [{ answers: node.answers, outcome: node.outcome }];
  return node.answers.flatMap((a) => leavesOf(a.next));
}

describe('overviewTree()', () => {
  it('has one leaf per path of the machine (xstate/graph), with the same answers and outcome', () => {
    const key = (p: { answers: Answers; outcome: string }) => `${encode(p.answers)} → ${p.outcome}`;
    const fromTree = leavesOf(overviewTree()).map(key).sort();
    const fromGraph = allPaths().map(key).sort();
    expect(fromTree).toHaveLength(allPaths().length);
    expect(fromTree).toEqual(fromGraph);
  });

  it('offers every answer of every question it asks', () => {
    const walk = (node: OverviewNode) => {
      if (node.kind === 'outcome') return;
      expect(node.answers.map((a) => a.answer)).toEqual([...QUESTIONS[node.question]]);
      node.answers.forEach((a) => walk(a.next));
    };
    walk(overviewTree());
  });
});

describe('the overview page', () => {
  it('has its own title and heading, and every question and answer in nested lists', async () => {
    renderGuide('/?view=overview');
    const h1 = await screen.findByRole('heading', { level: 1 }, { timeout: 15_000 });
    expect(h1.textContent).toBe(t('ui:overview.heading'));
    expect(document.title).toBe(t('ui:meta.titleOverview'));
    expect(document.title).toContain(t('ui:names.guide'));
    // Branches by the first question's answers, as headings.
    const branches = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    for (const a of QUESTIONS.situation)
      expect(branches).toContain(t('ui:overview.answer', { answer: t(`questions:situation.answers.${a}`) }));
    const text = document.body.textContent ?? '';
    for (const q of QUESTION_IDS) {
      expect(text).toContain(t('ui:overview.question', { question: t(`questions:${q}.title`) }));
      for (const a of QUESTIONS[q]) expect(text).toContain(t(`questions:${q}.answers.${a}`));
    }
    // Nested lists: the deepest path (situation → certificate → oldPlatform → oldPhone → newPhone → newPlatform) is 6 lists deep.
    const deepest = Math.max(
      ...screen.getAllByRole('list').map((l) => {
        let depth = 0;
        for (let n: Element | null = l; n; n = n.parentElement?.closest('ul, ol') ?? null) depth++;
        return depth;
      }),
    );
    expect(deepest).toBe(6);
    // No guide question or outcome is shown on this page.
    expect(document.querySelector('[data-question], [data-outcome]')).toBeNull();
  });

  it('links each leaf to its outcome’s shareable address', async () => {
    renderGuide('/?view=overview');
    await screen.findByRole('heading', { level: 1 }, { timeout: 15_000 });
    const leaves = [...document.querySelectorAll<HTMLElement>('[data-overview-outcome]')];
    expect(leaves).toHaveLength(allPaths().length);
    const hrefs = new Set<string>();
    for (const leaf of leaves) {
      const link = within(leaf).getByRole('link');
      const href = link.getAttribute('href')!;
      hrefs.add(href);
      const d = decode(href);
      expect(d.partlyUnusable, href).toBe(false);
      expect(d.settings.view).toBeUndefined();
      const step = stepOf(d.snapshot);
      expect(step.kind === 'outcome' && step.outcome, href).toBe(leaf.dataset.overviewOutcome);
      expect(link.textContent).toBe(t(`outcomes:${leaf.dataset.overviewOutcome}.title`));
    }
    expect(hrefs.size).toBe(allPaths().length);
  });

  it('keeps shop mode in its links, and is linked from every guide page’s footer', async () => {
    renderGuide('/?mode=shop&view=overview');
    await screen.findByRole('heading', { level: 1 }, { timeout: 15_000 });
    const first = document.querySelector('[data-overview-outcome] a')!;
    const url = new URL(first.getAttribute('href')!, 'http://guide');
    expect(decode(url.pathname, url.search).settings).toEqual({ mode: 'shop' });
  });

  it('is reachable from the footer of the guide', () => {
    renderGuide('/lost/yes/');
    const link = screen.getByRole('link', { name: t('ui:footer.overview') });
    expect(link.getAttribute('href')).toBe('/?view=overview');
  });

  it('is a lazy chunk: nothing imports src/views/Overview statically', () => {
    const root = join(import.meta.dirname, '../../src');
    const files: string[] = [];
    const walk = (d: string) =>
      readdirSync(d).forEach((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : files.push(join(d, f))));
    walk(root);
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      expect(src, f).not.toMatch(/^import[^;]*from\s+['"][./]*(views\/)?Overview['"]/m);
    }
    expect(readFileSync(join(root, 'app/App.tsx'), 'utf8')).toMatch(
      /lazy\(\(\) => import\('\.\.\/views\/Overview'\)\)/,
    );
  });
});
