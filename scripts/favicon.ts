// The favicon as a data: URL in the built page, drawn from public/favicon.svg (the one source,
// also used by scripts/icons.mjs). Why: Chromium fetches the favicon again on every change of
// the page's address (each answer is a pushState or replaceState). Through the service worker
// that is a request per tap, and one arriving while a new release takes over (the shop reset
// applies it) restarts the old worker and holds the switch until that worker idles out.
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const LINK = 'href="/favicon.svg"';

/**
 * An SVG as a data: URL that is a valid URL (the Nu Html Checker rejects a raw space) and safe in
 * a double-quoted attribute: double quotes become single ones, and every character outside the
 * URL code points that need no escaping (letters, digits, -._~!$'()*+,;=:@/?) is percent-encoded.
 */
export function svgDataUrl(svg: string): string {
  const body = svg.replace(/"/g, "'").replace(/[^A-Za-z0-9\-._~!$'()*+,;=:@/?]/gu, (c) => encodeURIComponent(c));
  return `data:image/svg+xml,${body}`;
}

export function inlineFavicon(): Plugin {
  return {
    name: 'myna:inline-favicon',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes(LINK)) throw new Error(`index.html: expected <link rel="icon" ${LINK}>`);
        const svg = fs.readFileSync(path.resolve('public', 'favicon.svg'), 'utf8').trim();
        return html.replace(LINK, `href="${svgDataUrl(svg)}"`);
      },
    },
  };
}
