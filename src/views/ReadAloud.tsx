// Read aloud (data-action="read-aloud"): the outcome's title and numbered steps, spoken by the
// device's own speech (Web Speech API: no network, no third party). Shown only where the device
// has a voice for the page's language (Japanese for ja and やさしい日本語, English for en), and only
// once the app runs: the static page and a page without JavaScript have no button that cannot work.
// Press again to stop; press once more to start again from the title.
import { useEffect, useRef, useState } from 'react';
import { plainText } from '../content/i18n';
import { useWords } from '../content/useWords';
import { withRuby } from './Rich';

/** A voice for `lang` (an <html lang> value: ja, en), if the device has one. */
export function voiceFor(lang: string): SpeechSynthesisVoice | undefined {
  if (typeof window === 'undefined' || !('speechSynthesis' in window)) return undefined;
  const prefix = lang.toLowerCase();
  return window.speechSynthesis
    .getVoices()
    .find((v) => v.lang.toLowerCase() === prefix || v.lang.toLowerCase().startsWith(`${prefix}-`));
}

export function ReadAloud({ lang, keys }: { lang: string; keys: string[] }) {
  const { t } = useWords();
  const [voice, setVoice] = useState<SpeechSynthesisVoice | undefined>(undefined);
  const [speaking, setSpeaking] = useState(false);
  // Which reading is current: a stopped reading's late `end` must not touch a new one.
  const reading = useRef(0);

  useEffect(() => {
    if (!('speechSynthesis' in window)) return;
    const synth = window.speechSynthesis;
    const update = () => setVoice(voiceFor(lang));
    update();
    // Voices are often listed only after the first getVoices() call (Chrome): wait for them.
    synth.addEventListener?.('voiceschanged', update);
    return () => {
      synth.removeEventListener?.('voiceschanged', update);
      synth.cancel();
    };
  }, [lang]);

  if (!voice) return null;

  const stop = () => {
    reading.current++;
    window.speechSynthesis.cancel();
    setSpeaking(false);
  };
  const start = () => {
    stop();
    const id = reading.current;
    const texts = keys.map((k, i) => (i === 0 ? plainText(t(k)) : `${i}. ${plainText(t(k))}`));
    texts.forEach((text, i) => {
      const u = new SpeechSynthesisUtterance(text);
      u.lang = voice.lang;
      u.voice = voice;
      if (i === texts.length - 1) u.onend = () => reading.current === id && setSpeaking(false);
      u.onerror = () => reading.current === id && setSpeaking(false);
      window.speechSynthesis.speak(u);
    });
    setSpeaking(true);
  };
  return (
    <p className="read-aloud">
      <button type="button" className="button secondary" data-action="read-aloud" onClick={speaking ? stop : start}>
        {withRuby(t(speaking ? 'ui:outcome.readAloudStop' : 'ui:outcome.readAloud'))}
      </button>
    </p>
  );
}
