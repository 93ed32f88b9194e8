// An Android fact is not an iPhone fact. Every item (title and lead, step, note, what to say on the
// call) that cites a fact held for one platform only (content/facts.json "platform") may be shown
// on a path only if that path's old or new phone is that platform, or if the item's words name the
// platform (「Androidでは…」), in every language.
import { describe, expect, it } from 'vitest';
import register from '../../content/facts.json';
import structure from '../../content/outcomes.json';
import { entriesFor, type Entry } from '../../src/content/outcomes';
import { i18n, LANGS, ensureLanguage } from '../../src/content/i18n';
import type { Answers, OutcomeId } from '../../src/machine/questions';
import { encode } from '../../src/app/url';
import { allPaths } from './paths';

type Platform = 'android' | 'iphone';
const facts = register.facts as Record<string, { platform?: Platform }>;
const NAME: Record<Platform, RegExp> = { android: /Android/, iphone: /iPhone/ };

/** The platform-only facts an item cites, by platform. */
function scoped(entry: Pick<Entry, 'facts'>): Platform[] {
  return [...new Set(entry.facts.flatMap((f) => (facts[f]?.platform ? [facts[f]!.platform!] : [])))];
}

/** The problems on one path: items citing a platform-only fact on a path of the other platform, unnamed. */
function problems(outcome: OutcomeId, answers: Answers, words: (key: string) => string): string[] {
  const { head, callSay, steps, notes, commonNotes } = entriesFor(outcome, answers);
  const items: [Pick<Entry, 'facts'>, string[]][] = [
    [head, [`outcomes:${outcome}.title`, `outcomes:${outcome}.lead`]],
    ...(callSay ? [[callSay, [`outcomes:${outcome}.callSay`]] as [Entry, string[]]] : []),
    ...steps.map((e) => [e, [`outcomes:${outcome}.steps.${e.id}`]] as [Entry, string[]]),
    ...notes.map((e) => [e, [`outcomes:${outcome}.notes.${e.id}`]] as [Entry, string[]]),
    ...commonNotes.map((e) => [e, [`outcomes:common.notes.${e.id}`]] as [Entry, string[]]),
  ];
  const onPath = new Set([answers.oldPlatform, answers.newPlatform].filter(Boolean));
  const out: string[] = [];
  for (const [entry, keys] of items)
    for (const p of scoped(entry))
      if (!onPath.has(p) && !keys.some((k) => NAME[p].test(words(k))))
        out.push(
          `${encode(answers)} ${keys.join(' + ')} cites ${p}-only facts but neither the path nor its words say ${p}`,
        );
  return out;
}

describe('platform scope', () => {
  it('the register names the platform of the procedures that hold for one platform only', () => {
    // The ones the audit found shown on the wrong platform: the password reset with the card
    // (S6), the 5-try lock (P6), the 引継ぎ flow and automatic deletion (P2, P41), the supported list,
    // registration's needs as a city page wrote them in the Android-only era (M2; audit L16).
    for (const id of ['S6', 'P6', 'P2', 'P41', 'M20', 'M2']) expect(facts[id]?.platform, id).toBe('android');
    for (const id of ['S7', 'P9', 'B1']) expect(facts[id]?.platform, id).toBe('iphone');
  });

  for (const lang of LANGS)
    it(`no item citing a one-platform fact is shown on another platform's path unnamed (${lang})`, async () => {
      await ensureLanguage(lang);
      const t = i18n.getFixedT(lang);
      const found = allPaths().flatMap((p) => problems(p.outcome, p.answers, (k) => t(k)));
      expect(found).toEqual([]);
    });

  it('catches an Android step shown on an iPhone path', () => {
    const copy = structuredClone(structure.outcomes['revoke-before-handover']) as { steps: Entry[] };
    const android = copy.steps.find((s) => s.id === 'revokeOnOldAndroid')!;
    delete android.when;
    const words = (k: string) => (k.endsWith('revokeOnOldAndroid') ? 'そのスマホでマイナアプリを開き…' : '');
    const shown = copy.steps.filter((s) => !s.when || s.when.oldPlatform !== 'android');
    const found = shown.flatMap((s) =>
      scoped(s).filter((p) => p !== 'iphone' && !NAME[p].test(words(`outcomes:revoke-before-handover.steps.${s.id}`))),
    );
    expect(found).toContain('android');
  });
});
