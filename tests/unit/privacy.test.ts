// No tracking, no leftovers (issue 9): walking every path through the guide, by tapping the answers
// as a user does, leaves no cookie and writes no answer to localStorage, sessionStorage or
// IndexedDB. Only the address holds the answers. (A language preference may be stored.)
import { fireEvent, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { OUTCOMES, QUESTIONS, QUESTION_IDS } from '../../src/machine/questions';
import { allPaths, type GuidePath } from './paths';
import { renderGuide } from './render';
import { encode } from '../../src/app/url';

type Write = { where: string; key: string; value: string };
/** Storage.prototype.setItem, spied on (the real one still runs). */
let setItem: MockInstance<Storage['setItem']>;
/** Every storage write since the spy was set up or last cleared. */
const writes = (): Write[] =>
  setItem.mock.calls.map(([key, value], i) => ({
    where: setItem.mock.contexts[i] === window.localStorage ? 'localStorage' : 'sessionStorage',
    key,
    value: String(value),
  }));
const idbOpens: string[] = [];
const cookieWrites: string[] = [];

const ANSWER_IDS = new Set(Object.values(QUESTIONS).flat() as string[]);
const NAMES = [...QUESTION_IDS, ...OUTCOMES];

/**
 * Anything that looks like an answer: a question or outcome id, an answer id as a whole value or
 * as a segment of an address, or an old query string.
 */
function leaks(text: string): boolean {
  return (
    NAMES.some((n) => text.includes(n)) ||
    ANSWER_IDS.has(text) ||
    [...ANSWER_IDS].some((a) => text.includes(`/${a}/`)) ||
    /(^|[?&])[a-zA-Z]+=[a-z]+/.test(text)
  );
}

function storageLeaks(): string[] {
  const out: string[] = [];
  for (const [where, store] of [
    ['localStorage', window.localStorage],
    ['sessionStorage', window.sessionStorage],
  ] as const)
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i)!;
      const value = store.getItem(key) ?? '';
      if (leaks(key) || leaks(value)) out.push(`${where}: ${key}=${value.slice(0, 80)}`);
    }
  return out;
}

async function walk(path: GuidePath, prefix: string) {
  const { unmount } = renderGuide(prefix);
  for (const { question, answer } of path.steps) {
    const button = await waitFor(
      () => {
        const b = document.querySelector<HTMLElement>(`[data-question="${question}"] [data-answer="${answer}"]`);
        expect(b, `${question}=${answer}`).not.toBeNull();
        return b!;
      },
      { timeout: 15_000 },
    );
    fireEvent.click(button);
    expect(document.cookie).toBe('');
    expect(storageLeaks()).toEqual([]);
  }
  await waitFor(() => expect(document.querySelector(`[data-outcome="${path.outcome}"]`)).not.toBeNull(), {
    timeout: 15_000,
  });
  // The answers are in the address, and only there.
  expect(window.location.pathname).toBe(encode(path.answers));
  expect(document.cookie).toBe('');
  expect(storageLeaks()).toEqual([]);
  unmount();
}

describe('privacy: nothing of the answers is stored', () => {
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;

  beforeAll(() => {
    localStorage.clear();
    sessionStorage.clear();
    setItem = vi.spyOn(Storage.prototype, 'setItem');
    Object.defineProperty(document, 'cookie', {
      configurable: true,
      get: () => cookie.get!.call(document),
      set: (v: string) => {
        cookieWrites.push(v);
        cookie.set!.call(document, v);
      },
    });
    // jsdom has no IndexedDB; record any attempt to open one.
    vi.stubGlobal('indexedDB', {
      open: (name: string) => {
        idbOpens.push(name);
        throw new Error('IndexedDB is not used by the guide');
      },
      deleteDatabase: () => undefined,
      databases: async () => [],
    });
  });

  afterAll(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    delete (document as { cookie?: string }).cookie;
  });

  const paths = allPaths();

  it(`walking all ${paths.length} paths by tapping answers leaves no cookie and stores no answer`, async () => {
    for (const p of paths) await walk(p, '');
    expect(cookieWrites).toEqual([]);
    expect(idbOpens).toEqual([]);
    // A language preference may be written; nothing that looks like an answer.
    expect(writes().filter((w) => leaks(w.key) || leaks(w.value))).toEqual([]);
  }, 120_000);

  it('in shop mode too (every sixth path)', async () => {
    for (const p of paths.filter((_, i) => i % 6 === 0)) await walk(p, '?mode=shop');
    expect(cookieWrites).toEqual([]);
    expect(idbOpens).toEqual([]);
    expect(writes().filter((w) => leaks(w.key) || leaks(w.value))).toEqual([]);
  }, 120_000);

  it('the leak check catches an answer written to storage', () => {
    setItem.mockClear();
    sessionStorage.setItem('guide', JSON.stringify({ situation: 'lost' }));
    localStorage.setItem('last', 'change-revoke-old-then-setup');
    expect(storageLeaks()).toHaveLength(2);
    expect(writes().map((w) => w.where)).toEqual(['sessionStorage', 'localStorage']); // the spy sees writes
    document.cookie = 'a=b';
    expect(cookieWrites).toEqual(['a=b']);
    document.cookie = 'a=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    cookieWrites.length = 0;
    sessionStorage.clear();
    localStorage.removeItem('last');
    setItem.mockClear();
  });
});
