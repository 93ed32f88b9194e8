// The 印刷 button (in the first-load bundle because it is tiny; the QR code it adds to the
// printout is a lazy chunk, loaded on the click).
import { useTranslation } from 'react-i18next';
import type { Answers } from '../machine/questions';
import { encode } from '../app/url';
import { withRuby } from '../views/Rich';

/** The outcome's own address, to open on another phone: no mode=shop, no view, the language kept. */
export function outcomeUrl(answers: Answers, lang?: string): string {
  return `${window.location.origin}${encode(answers, { lang })}`;
}

export function PrintButton({ answers, lang }: { answers: Answers; lang?: string }) {
  const { t } = useTranslation();
  const onClick = async () => {
    const { printWithQr } = await import('./print');
    const today = new Intl.DateTimeFormat(t('ui:locale'), { dateStyle: 'long', timeZone: 'Asia/Tokyo' }).format(
      new Date(),
    );
    printWithQr(outcomeUrl(answers, lang), {
      label: t('ui:shop.qrLabel'),
      caption: t('ui:shop.printQrCaption'),
      printedOn: t('ui:shop.printedOn', { date: today }),
      note: t('ui:shop.printNote'),
    });
  };
  return (
    <button type="button" className="button secondary print-button" onClick={() => void onClick()}>
      {withRuby(t('ui:shop.print'))}
    </button>
  );
}
