// The print stylesheet (src/shop/print.css) stays out of the first-load CSS: it is its own file,
// linked with media="print" after the app starts, so the browser fetches it at low priority
// without blocking the first paint, and Ctrl+P / the 印刷 button both get it.
import href from './print.css?url';

export function installPrintStylesheet(): void {
  if (document.querySelector('link[data-print-css]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.media = 'print';
  link.href = href;
  link.dataset.printCss = '';
  document.head.append(link);
}
