// Printing the outcome as a one-page checklist (lazy chunk). The QR code that leads back to the
// outcome is added to the page for the printout only (print.css shows it in the top corner) and
// removed after printing and on a shop reset, so it never outlives the customer.
import { qrPath } from './qr';
import { onShopReset } from './resetHooks';

const SVG = 'http://www.w3.org/2000/svg';
const QUIET = 4;

export function removePrintQr(): void {
  for (const el of document.querySelectorAll('[data-print-qr]')) el.remove();
}

onShopReset(removePrintQr);

export function printQrElement(url: string, label: string, caption: string): HTMLElement {
  const { size, d } = qrPath(url);
  const full = size + 2 * QUIET;
  const figure = document.createElement('figure');
  figure.className = 'print-qr';
  figure.dataset.printQr = '';
  // Never on screen (a CSSOM style, allowed by the CSP); print.css shows it with !important.
  figure.style.display = 'none';
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('viewBox', `${-QUIET} ${-QUIET} ${full} ${full}`);
  svg.setAttribute('shape-rendering', 'crispEdges');
  const bg = document.createElementNS(SVG, 'rect');
  for (const [k, v] of Object.entries({ x: -QUIET, y: -QUIET, width: full, height: full, fill: '#fff' }))
    bg.setAttribute(k, String(v));
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000');
  svg.append(bg, path);
  const text = document.createElement('figcaption');
  text.textContent = caption;
  figure.append(svg, text);
  return figure;
}

export function printWithQr(url: string, label: string, caption: string): void {
  removePrintQr();
  const figure = printQrElement(url, label, caption);
  document.body.append(figure);
  window.addEventListener('afterprint', removePrintQr, { once: true });
  window.print();
}
