// What backs each step, on request: a closed disclosure (data-evidence) under every title and
// lead, step and note, which shows each fact's own words, its source, rating, how the page was
// seen and the date when opened.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import register from '../../content/facts.json';
import { entriesFor } from '../../src/content/outcomes';
import { i18n } from '../../src/content/i18n';
import { sources } from '../../src/content/sources';
import { renderGuide } from './render';

const facts = register.facts as Record<string, { quotes: string[]; source: string; rating: string }>;
const t = (k: string) => i18n.t(k) as string;

describe('evidence on request', () => {
  const search = '?situation=handover&certificate=yes&oldPlatform=android&oldPhone=usable';
  const answers = { situation: 'handover', certificate: 'yes', oldPlatform: 'android', oldPhone: 'usable' } as const;

  it('is closed by default, once per item, and holds nothing but links until opened', () => {
    renderGuide(search);
    const { steps } = entriesFor('revoke-before-handover', answers);
    for (const s of steps) {
      const box = document.querySelector<HTMLDetailsElement>(`[data-step="${s.id}"] [data-evidence]`);
      expect(box, s.id).not.toBeNull();
      expect(box!.open).toBe(false);
      expect(box!.querySelector('[data-fact]')).toBeNull();
    }
    expect(document.querySelector('.lead + [data-evidence]')).not.toBeNull();
  });

  it('opened, shows each fact the step cites: its quote, source, rating and date', async () => {
    renderGuide(search);
    const step = document.querySelector<HTMLElement>('[data-step="revokeOnOldAndroid"]')!;
    const box = step.querySelector<HTMLDetailsElement>('[data-evidence]')!;
    fireEvent.click(within(box).getByText(t('ui:evidence.summary')));
    if (!box.open) {
      box.open = true;
      fireEvent(box, new Event('toggle'));
    }
    await waitFor(() => expect(box.querySelectorAll('[data-fact]').length).toBeGreaterThan(0));
    const cited = entriesFor('revoke-before-handover', answers).steps.find((s) => s.id === 'revokeOnOldAndroid')!.facts;
    expect([...box.querySelectorAll<HTMLElement>('[data-fact]')].map((li) => li.dataset.fact)).toEqual(cited);
    const s1 = box.querySelector<HTMLElement>('[data-fact="S1"]')!;
    expect(s1.textContent).toContain(facts.S1!.quotes[0]!);
    expect(within(s1).getByRole('link', { name: sources.S1!.title }).getAttribute('href')).toBe(sources.S1!.url);
    expect(s1.textContent).toContain(t('ui:evidence.rating.high'));
    // A press source is named, never linked.
    const p6 = box.querySelector<HTMLElement>('[data-fact="P6"]')!;
    expect(within(p6).queryAllByRole('link')).toHaveLength(0);
    expect(p6.textContent).toContain(t('ui:evidence.tier.press'));
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });
});
