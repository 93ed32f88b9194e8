// The URL contract: answers live in the query string,
// next to a few settings that are not answers. Decoding never throws; whatever cannot be used is
// reported so the page can say so and rewrite the address.
import { replay, type Replay } from '../machine/replay';
import { QUESTION_IDS, isQuestionId, type Answers } from '../machine/questions';

export type Settings = {
  lang?: string;
  mode?: 'shop';
  view?: 'overview';
};

// Values each setting accepts. Languages are registered by i18n.ts so this file stays free of content.
const settingValues: Record<keyof Settings, () => readonly string[]> = {
  lang: () => knownLangs,
  mode: () => ['shop'],
  view: () => ['overview'],
};

let knownLangs: readonly string[] = ['ja'];
export function registerLangs(langs: readonly string[]): void {
  knownLangs = langs;
}

export type Decoded = Replay & {
  settings: Settings;
  /** True when part of the link could not be used (show the notice, rewrite the URL). */
  partlyUnusable: boolean;
};

function safeParams(search: string): [string, string][] {
  try {
    return [...new URLSearchParams(search)];
  } catch {
    return [];
  }
}

export function decode(search: string): Decoded {
  const pairs = safeParams(search);
  const counts = new Map<string, number>();
  for (const [k] of pairs) counts.set(k, (counts.get(k) ?? 0) + 1);

  const answers: Record<string, string> = Object.create(null);
  const settings: Settings = {};
  let unusable = false;
  for (const [key, value] of pairs) {
    // A parameter given more than once is dropped entirely, so parameter order never matters.
    if (counts.get(key)! > 1) {
      unusable = true;
      continue;
    }
    if (isQuestionId(key)) {
      answers[key] = value;
    } else if (Object.prototype.hasOwnProperty.call(settingValues, key)) {
      const k = key as keyof Settings;
      if (settingValues[k]().includes(value)) (settings as Record<string, string>)[k] = value;
      else unusable = true;
    } else {
      unusable = true;
    }
  }
  const result = replay(answers);
  return { ...result, settings, partlyUnusable: unusable || result.dropped.length > 0 };
}

/** The canonical query string for these answers and settings (answers in question order). */
export function encode(answers: Answers, settings: Settings = {}): string {
  const params = new URLSearchParams();
  for (const q of QUESTION_IDS) {
    const v = answers[q];
    if (v !== undefined) params.set(q, v);
  }
  if (settings.lang && settings.lang !== 'ja') params.set('lang', settings.lang);
  if (settings.mode) params.set('mode', settings.mode);
  if (settings.view) params.set('view', settings.view);
  const s = params.toString();
  return s ? `?${s}` : '';
}
