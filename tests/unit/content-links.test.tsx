// Every screen the guide can show, rendered: external links go only to the official allowlist and
// carry rel="noopener noreferrer"; a title, lead, step or note whose facts are medium or low
// confidence carries a short label (報道などによる / 未確認の情報), and only those do; the screen
// explains the labels once, with 「公式ページで最新の情報をご確認ください」.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { entriesFor, sources } from '../../src/content/outcomes';
import { isAllowedUrl } from '../../src/content/schema';
import { i18n } from '../../src/content/i18n';
import type { Answers, OutcomeId } from '../../src/machine/questions';
import { encode } from '../../src/app/url';
import { allPaths } from './paths';
import { renderGuide } from './render';

const t = i18n.getFixedT('ja');
const CHECK_OFFICIAL = '公式ページで最新の情報をご確認ください';

async function renderOutcome(answers: Answers, outcome: OutcomeId) {
  const r = renderGuide(encode(answers));
  await waitFor(() => expect(document.querySelector(`[data-outcome="${outcome}"]`)).not.toBeNull(), {
    timeout: 15_000,
  });
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
      if (!rel.includes('noopener') || !rel.includes('noreferrer'))
        problems.push(`${href}: rel="${a.getAttribute('rel') ?? ''}"`);
    } else if (!/^(\?|\/|#|tel:\+?[0-9]+$)/.test(href)) {
      problems.push(`${href}: neither a link inside the guide, a phone number, nor an https link`);
    }
  }
  return problems;
}

const paths = allPaths();

describe('the wording asked for by issue 8', () => {
  it('the labels are explained once per screen with 「公式ページで最新の情報をご確認ください」', () => {
    expect(t('ui:outcome.confidenceLegend')).toContain(CHECK_OFFICIAL);
    expect(t('ui:outcome.confidenceLegend')).toContain(t('ui:outcome.confidence.medium'));
    expect(t('ui:outcome.confidenceLegend')).toContain(t('ui:outcome.confidence.low'));
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
  it('a medium-confidence note carries the label; a high step does not, and keeps its official link', async () => {
    await renderOutcome({ situation: 'lost', certificate: 'yes' }, 'lost-suspend');
    const medium = document.querySelector<HTMLElement>('[data-note="abroad"]')!; // confidence: medium, no official page says it
    const high = document.querySelector<HTMLElement>('[data-step="call"]')!; // no confidence: high
    expect(medium.querySelector('[data-confidence]')?.textContent).toBe(t('ui:outcome.confidence.medium'));
    expect(within(medium).queryAllByRole('link', { name: sources.S3!.title })).toHaveLength(0);
    expect(high.querySelector('[data-confidence]')).toBeNull();
    expect(within(high).getByRole('link', { name: sources.S3!.title }).getAttribute('href')).toBe(sources.S3!.url);
    // The check line is said once on the screen, not under each item.
    expect(document.body.textContent!.split(CHECK_OFFICIAL).length - 1).toBe(1);
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
      const { head, callSay, steps, notes, commonNotes } = entriesFor(p.outcome, p.answers);
      const shown = [
        ...steps.map((e) => [e, `[data-step="${e.id}"]`] as const),
        ...[...notes, ...commonNotes].map((e) => [e, `[data-note="${e.id}"]`] as const),
        ...(callSay ? [[callSay, '[data-call-say]'] as const] : []),
        [head, '.lead'] as const,
      ];
      let labelled = 0;
      for (const [entry, selector] of shown) {
        const li = document.querySelector<HTMLElement>(selector);
        expect(li, `${p.outcome} ${selector}`).not.toBeNull();
        const flagged = entry.confidence === 'medium' || entry.confidence === 'low';
        const label = li!.querySelector('[data-confidence]');
        expect(label?.getAttribute('data-confidence') ?? 'high', `${p.outcome} ${selector}`).toBe(
          entry.confidence ?? 'high',
        );
        if (flagged) {
          labelled++;
          expect(label!.textContent).toBe(t(`ui:outcome.confidence.${entry.confidence}`));
        }
        const hrefs = [...li!.querySelectorAll('a[href^="https:"]')].map((a) => a.getAttribute('href'));
        if (selector !== '.lead' && !selector.startsWith('[data-call-say'))
          for (const s of entry.sources)
            expect(hrefs, `${p.outcome} ${selector} cites ${s}`).toContain(sources[s]!.url);
        checked++;
      }
      // The labels are explained exactly once when any is shown, and not at all otherwise.
      expect(document.body.textContent!.split(CHECK_OFFICIAL).length - 1, `${p.outcome} legend`).toBe(
        labelled > 0 ? 1 : 0,
      );
      unmount();
    }
    expect(checked).toBeGreaterThan(300);
    expect(links).toBeGreaterThan(paths.length);
  }, 120_000); // 131 renders: not a time budget, only room on a busy 2-core machine

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
