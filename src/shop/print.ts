// Printing the outcome as a one-page checklist (lazy chunk). The QR code that leads back to the
// outcome is added to the page for the printout only (print.css shows it in the top corner) and
// removed after printing and on a shop reset, so it never outlives the customer.
import { qrPath } from './qr';
import { onShopReset } from './resetHooks';

const SVG = 'http://www.w3.org/2000/svg';
const QUIET = 4;

export function removePrintQr(): void {
  for (const el of document.querySelectorAll('[data-print-qr], [data-print-note]')) el.remove();
}

/** The words the printout adds: the day it was printed (under the QR code) and the shop's note's label. */
export type PrintWords = { label: string; caption: string; printedOn: string; note: string };

onShopReset(removePrintQr);

export function printQrElement(url: string, label: string, caption: string, printedOn?: string): HTMLElement {
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
  if (printedOn) {
    const date = document.createElement('span');
    date.className = 'print-date';
    date.dataset.printDate = '';
    date.textContent = printedOn;
    text.append(date);
  }
  figure.append(svg, text);
  return figure;
}

/** Room on paper for the shop's own note (ruled lines), after the checklist. Never on screen. */
export function printNoteElement(label: string): HTMLElement {
  const box = document.createElement('section');
  box.className = 'print-note';
  box.dataset.printNote = '';
  box.style.display = 'none';
  const heading = document.createElement('p');
  heading.className = 'print-note-label';
  heading.textContent = label;
  box.append(heading);
  return box;
}

export function printWithQr(url: string, words: PrintWords): void {
  removePrintQr();
  const figure = printQrElement(url, words.label, words.caption, words.printedOn);
  document.body.append(figure);
  // The note goes in the right column under the official pages (print.css), which ends higher
  // than the answers on the longest outcomes: the sheet stays one page. Removed again after
  // printing, before React could touch the article.
  const note = printNoteElement(words.note);
  const official = document.querySelector('.outcome > .official');
  if (official) official.after(note);
  else document.body.append(note);
  window.addEventListener('afterprint', removePrintQr, { once: true });
  window.print();
}
