// Shop mode, on an outcome: hand the result to the customer. A QR code of the outcome's own
// address (without mode=shop) to scan with their phone, and the 印刷 button. Lazy chunk with uqr:
// loaded only in shop mode.
import { useTranslation } from 'react-i18next';
import type { Answers } from '../machine/questions';
import { outcomeUrl, PrintButton } from './PrintButton';
import { QrCode } from './qr';

export default function Handoff({ answers, lang }: { answers: Answers; lang?: string }) {
  const { t } = useTranslation();
  return (
    <section className="handoff" aria-labelledby="handoff-heading">
      <QrCode className="handoff-qr" text={outcomeUrl(answers, lang)} label={t('ui:shop.qrLabel')} />
      <div className="handoff-text">
        <h2 id="handoff-heading">{t('ui:shop.handoffHeading')}</h2>
        <p>{t('ui:shop.handoffBody')}</p>
        <p className="handoff-staff">{t('ui:shop.staffNote')}</p>
        <PrintButton answers={answers} lang={lang} />
      </div>
    </section>
  );
}
