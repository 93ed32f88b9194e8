// Every screen the guide can show, rendered: external links go only to the official allowlist and
// carry rel="noopener noreferrer"; a step or note whose facts are medium or low confidence says
// 「公式ページで最新の情報をご確認ください」 next to its official link, and only those do.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { entriesFor, sources } from '../../src/content';
import { isAllowedUrl } from '../../src/contentSchema';
import { i18n } from '../../src/i18n';
import type { Answers, OutcomeId } from '../../src/machine/questions';
import { encode } from '../../src/url';
import { allPaths } from './paths';
import { renderGuide } from './render';

const t = i18n.getFixedT('ja');
const CHECK_OFFICIAL = '公式ページで最新の情報をご確認ください';

async function renderOutcome(answers: Answers, outcome: OutcomeId) {
  const r = renderGuide(encode(answers));
  await waitFor(() => expect(document.querySelector(`[data-outcome="${outcome}"]`)).not.toBeNull(), { timeout: 15_000 });
  return r;
}

/** Problems with the links on the page now: off-list hosts, missing rel, unexpected schemes. */
function linkProblems(): string[] {
  const problems: string[] = [];
  for (const a of document.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href')!;
    if (/^(https?:)?\/\//i.test(href)) {
      if (!isAllowedUrl(href)) problems.push(`${href}: not on the allowlist`);
      const rel = (a.getAttribute('rel') ?? '').split(/\s+/);
      if (!rel.includes('noopener') || !rel.includes('noreferrer')) problems.push(`${href}: rel="${a.getAttribute('rel') ?? ''}"`);
    } else if (!/^(\?|\/|#|tel:\+?[0-9]+$)/.test(href)) {
      problems.push(`${href}: neither a link inside the guide, a phone number, nor an https link`);
    }
  }
  return problems;
}

const paths = allPaths();

describe('the wording asked for by issue 8', () => {
  it('ui:outcome.checkOfficial says 「公式ページで最新の情報をご確認ください」', () => {
    expect(t('ui:outcome.checkOfficial')).toContain(CHECK_OFFICIAL);
  });
});

describe('the link check', () => {
  it('catches an off-list host, a missing rel and an odd scheme', () => {
    document.body.innerHTML =
      '<a href="https://example.com/" rel="noopener noreferrer">x</a><a href="https://www.digital.go.jp/">y</a><a href="javascript:void 0">z</a><a href="tel:0120950178">ok</a><a href="?situation=lost">ok</a>';
    expect(linkProblems()).toEqual([
      'https://example.com/: not on the allowlist',
      'https://www.digital.go.jp/: rel=""',
      'javascript:void 0: neither a link inside the guide, a phone number, nor an https link',
    ]);
    document.body.innerHTML = '';
  });
});

describe('confidence is shown honestly', () => {
  it('a medium-confidence step shows the check line with its official link; a high one does not', async () => {
    await renderOutcome({ situation: 'lost', certificate: 'yes' }, 'lost-suspend');
    const medium = document.querySelector<HTMLElement>('[data-step="abroad"]')!; // confidence: medium, source S3
    const high = document.querySelector<HTMLElement>('[data-step="call"]')!; // no confidence: high
    expect(within(medium).getByText(new RegExp(CHECK_OFFICIAL)).textContent).toContain(CHECK_OFFICIAL);
    const link = within(medium).getByRole('link', { name: sources.S3!.title });
    expect(link.getAttribute('href')).toBe(sources.S3!.url);
    expect(high.textContent).not.toContain(CHECK_OFFICIAL);
    expect(within(high).getByRole('link', { name: sources.S3!.title }).getAttribute('href')).toBe(sources.S3!.url);
  });
});

describe(`all ${paths.length} paths, rendered`, () => {
  // One render per path for both checks (rendering is the slow part).
  it('link outside the guide only to the allowlist with rel="noopener noreferrer", and show the check line exactly on medium and low confidence entries, next to their source links', async () => {
    let checked = 0;
    let links = 0;
    for (const p of paths) {
      const { unmount } = await renderOutcome(p.answers, p.outcome);
      expect(linkProblems(), `${p.outcome} ${encode(p.answers)}`).toEqual([]);
      links += document.querySelectorAll('a[href^="https:"]').length;
      const { steps, notes, commonNotes } = entriesFor(p.outcome, p.answers);
      const shown = [
        ...steps.map((e) => [e, `[data-step="${e.id}"]`] as const),
        ...[...notes, ...commonNotes].map((e) => [e, `[data-note="${e.id}"]`] as const),
      ];
      for (const [entry, selector] of shown) {
        const li = document.querySelector<HTMLElement>(selector);
        expect(li, `${p.outcome} ${selector}`).not.toBeNull();
        const flagged = entry.confidence === 'medium' || entry.confidence === 'low';
        expect(li!.textContent!.includes(CHECK_OFFICIAL), `${p.outcome} ${selector} (${entry.confidence ?? 'high'})`).toBe(flagged);
        const hrefs = [...li!.querySelectorAll('a[href^="https:"]')].map((a) => a.getAttribute('href'));
        for (const s of entry.sources) expect(hrefs, `${p.outcome} ${selector} cites ${s}`).toContain(sources[s]!.url);
        checked++;
      }
      unmount();
    }
    expect(checked).toBeGreaterThan(300);
    expect(links).toBeGreaterThan(paths.length);
  }, 60_000); // 66 renders: not a time budget, only room on a busy 2-core machine

  it('and every question on the way (its help text links official pages too)', async () => {
    const prefixes = new Set<string>();
    for (const p of paths)
      for (let i = 0; i < p.steps.length; i++)
        prefixes.add(encode(Object.fromEntries(p.steps.slice(0, i).map((s) => [s.question, s.answer])) as Answers));
    for (const search of prefixes) {
      const { unmount } = renderGuide(search);
      expect(document.querySelector('[data-question]'), search).not.toBeNull();
      expect(linkProblems(), search || '/').toEqual([]);
      unmount();
    }
    expect(prefixes.size).toBeGreaterThan(10);
  });

  it('the overview page too', async () => {
    renderGuide('?view=overview');
    await screen.findByRole('heading', { level: 1, name: t('ui:overview.heading') }, { timeout: 15_000 });
    expect(linkProblems()).toEqual([]);
  });
});
