// Shop mode, on an outcome: hand the result to the customer. A QR code of the outcome's own
// address (without mode=shop) to scan with their phone, and the 印刷 button. Lazy chunk with uqr:
// loaded only in shop mode.
import { useTranslation } from 'react-i18next';
import type { Answers } from '../machine/questions';
import { outcomeUrl, PrintButton } from './PrintButton';
import { QrCode } from './qr';
import { withRuby } from '../views/Rich';

export default function Handoff({ answers, lang }: { answers: Answers; lang?: string }) {
  const { t } = useTranslation();
  // The heading, the code and 印刷 first: on a landscape tablet this is a panel beside the steps
  // (shop.css), with both on the first screen; the explanation follows.
  return (
    <section className="handoff" aria-labelledby="handoff-heading">
      <h2 id="handoff-heading">{withRuby(t('ui:shop.handoffHeading'))}</h2>
      <QrCode className="handoff-qr" text={outcomeUrl(answers, lang)} label={t('ui:shop.qrLabel')} />
      <p className="handoff-print">
        <PrintButton answers={answers} lang={lang} />
      </p>
      <p>{t('ui:shop.handoffBody')}</p>
      <p className="handoff-staff">{t('ui:shop.staffNote')}</p>
    </section>
  );
}
