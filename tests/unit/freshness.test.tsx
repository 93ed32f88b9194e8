// A guide whose words were compared with the facts long ago says so on every outcome, calmly, with
// the date and the official page; the build warns earlier (src/content/freshness.ts).
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import meta from '../../content/meta.json';
import { STALE_AFTER_DAYS, WARN_AFTER_DAYS, daysSince, isStale } from '../../src/content/freshness';
import { i18n } from '../../src/content/i18n';
import { sources } from '../../src/content/sources';
import { freshnessWarning } from '../../scripts/freshness';
import { renderGuide } from './render';

const DAY = 24 * 60 * 60 * 1000;
const checked = new Date(`${meta.checkedOn}T00:00:00+09:00`).getTime();
const at = (days: number) => new Date(checked + days * DAY + 12 * 60 * 60 * 1000);

afterEach(() => {
  vi.useRealTimers();
});

describe('how old the comparison is', () => {
  it('counts whole days from checkedOn in Japan', () => {
    expect(daysSince(meta.checkedOn, at(0))).toBe(0);
    expect(daysSince(meta.checkedOn, at(181))).toBe(181);
    expect(isStale(meta.checkedOn, at(STALE_AFTER_DAYS))).toBe(false);
    expect(isStale(meta.checkedOn, at(STALE_AFTER_DAYS + 1))).toBe(true);
  });
});

describe('on screen', () => {
  it.each([
    '?situation=lost&certificate=yes',
    '?situation=cardLost',
    '?situation=repair&certificate=yes&oldPlatform=iphone&oldPhone=usable',
  ])('%s: a calm notice with the date and the official page once it is stale', (search) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at(STALE_AFTER_DAYS + 1));
    renderGuide(search);
    const notice = document.querySelector<HTMLElement>('[data-stale]');
    expect(notice).not.toBeNull();
    expect(notice!.textContent).toContain(meta.checkedOn.slice(0, 4));
    expect(within(notice!).getByRole('link').getAttribute('href')).toBe(sources.S1!.url);
    expect(notice!.getAttribute('role')).toBeNull(); // calm: not an alert
  });

  it('says nothing while the comparison is recent', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at(STALE_AFTER_DAYS));
    renderGuide('?situation=lost&certificate=yes');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(i18n.t('outcomes:lost-suspend.title'));
    expect(document.querySelector('[data-stale]')).toBeNull();
  });
});

describe('the build', () => {
  const run = (days: number) => {
    const warnings: string[] = [];
    const plugin = freshnessWarning(() => at(days));
    (plugin.buildStart as (this: { warn: (m: string) => void }) => void).call({ warn: (m) => warnings.push(m) });
    return warnings;
  };
  it(`warns after ${WARN_AFTER_DAYS} days, not before`, () => {
    expect(run(WARN_AFTER_DAYS)).toEqual([]);
    expect(run(WARN_AFTER_DAYS + 1)).toEqual([expect.stringContaining('content/meta.json checkedOn')]);
  });
});
