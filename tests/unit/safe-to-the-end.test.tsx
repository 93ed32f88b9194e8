// Safe to the end (issue 22), checked on every path through the rendered screens' words: the
// certificate question names the phone it is about, a lost old phone gets the call at once, every
// outcome that sends a person to the phone for anything but a loss gives the hours, and the
// iPhone card's name is never doubled.
import { beforeAll, describe, expect, it } from 'vitest';
import { i18n, LANGS, loadLanguage, plainText, type Lang } from '../../src/content/i18n';
import { entriesFor } from '../../src/content/outcomes';
import { questionKey } from '../../src/content/questionWords';
import type { Answers } from '../../src/machine/questions';
import { allPaths } from './paths';

const text = (lang: Lang, key: string) => plainText(i18n.getFixedT(lang)(key));

/** Every word an outcome shows on a path: title, lead, what to say, steps and notes. */
function outcomeText(lang: Lang, outcome: string, answers: Answers): string {
  const e = entriesFor(outcome as never, answers);
  const keys = [`outcomes:${outcome}.title`, `outcomes:${outcome}.lead`];
  if (e.callSay) keys.push(`outcomes:${outcome}.callSay`);
  for (const s of e.steps) keys.push(`outcomes:${outcome}.steps.${s.id}`);
  for (const n of e.notes) keys.push(`outcomes:${outcome}.notes.${n.id}`);
  for (const n of e.commonNotes ?? []) keys.push(`outcomes:common.notes.${n.id}`);
  return keys.map((k) => text(lang, k)).join('\n');
}

describe('safe to the end, on every path', () => {
  beforeAll(async () => {
    for (const lang of LANGS) await loadLanguage(lang);
  });
  const paths = allPaths();

  it('the certificate question names the phone it is about: the old one in a change, never 「そのスマホ」', () => {
    for (const situation of ['lost', 'change', 'handover', 'repair', 'renewal', 'moved', 'password'] as const) {
      const title = text('ja', questionKey('certificate', 'title', { situation }));
      expect(title, situation).not.toContain('そのスマホ');
    }
    expect(text('ja', questionKey('certificate', 'title', { situation: 'change' }))).toContain('古いスマホ');
    expect(text('ja', questionKey('certificate', 'hint', { situation: 'change' }))).toContain(
      '新しいスマホのことではありません',
    );
    expect(text('en', questionKey('certificate', 'title', { situation: 'change' }))).toContain('old phone');
  });

  it('"not registered" about a phone leaving your hands never says there is nothing to do', () => {
    for (const p of paths.filter((p) => p.answers.certificate === 'no' && p.answers.situation !== 'lost'))
      for (const lang of LANGS) {
        const words = outcomeText(lang, p.outcome, p.answers);
        if (['change', 'handover', 'repair'].includes(p.answers.situation!)) {
          expect(p.outcome).toBe('not-registered-check');
          expect(words, `${lang} ${p.answers.situation}`).toMatch(/有効性確認/);
        }
      }
  });

  it('a lost old phone gets the lost-phone call at once, 24 hours, in every situation about the phone', () => {
    const lost = paths.filter((p) => p.answers.oldPhone === 'lost');
    expect(lost.length).toBe(12);
    for (const p of lost) {
      expect(p.outcome).toBe('lost-suspend');
      expect(outcomeText('ja', p.outcome, p.answers)).toContain('24時間・365日');
    }
  });

  it('every outcome that sends a person to the phone for anything but a loss gives its hours', () => {
    let checked = 0;
    for (const p of paths) {
      // The loss outcomes promise 24 hours (S3); "not registered" on a lost phone sends only a lost card there.
      if (['lost-suspend', 'card-lost'].includes(p.outcome) || p.answers.situation === 'lost') continue;
      for (const lang of LANGS) {
        const words = outcomeText(lang, p.outcome, p.answers);
        if (!/電話窓口|0120-95-0178|phone line|でんわ|電話/.test(words)) continue;
        expect(words, `${lang} ${p.outcome} ${JSON.stringify(p.answers)}`).toMatch(/9時30分|9:30|9じ30ぷん/);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('the foreign-language line is offered with its hours and its languages, Vietnamese included', () => {
    for (const lang of LANGS) {
      const words = outcomeText(lang, 'lost-suspend', { situation: 'lost', certificate: 'yes' });
      expect(words).toMatch(/8時30分|8:30/);
      expect(words).toMatch(/ベトナム語|ベトナムご|Vietnamese/);
    }
  });

  it('the iPhone card’s name is never doubled', () => {
    for (const p of paths)
      for (const lang of LANGS)
        expect(outcomeText(lang, p.outcome, p.answers).replace(/\s/g, ''), `${lang} ${p.outcome}`).not.toMatch(
          /iPhoneのiPhoneの|iPhoneoniPhone/,
        );
  });
});
