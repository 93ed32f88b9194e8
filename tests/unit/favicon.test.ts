// @vitest-environment node
// The favicon inside the page (scripts/favicon.ts) as a data: URL that is a valid URL: no raw
// space or other character a URL may not carry (the Nu Html Checker's error on every page), and
// one that decodes back to public/favicon.svg.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { svgDataUrl } from '../../scripts/favicon';
import { root } from './built';

const svg = fs.readFileSync(path.join(root, 'public', 'favicon.svg'), 'utf8').trim();

describe('the inline favicon', () => {
  it('carries only URL characters that need no escaping, and decodes to the SVG', () => {
    const url = svgDataUrl(svg);
    expect(url.startsWith('data:image/svg+xml,')).toBe(true);
    const body = url.slice('data:image/svg+xml,'.length);
    expect(body).toMatch(/^[A-Za-z0-9\-._~!$'()*+,;=:@/?%]+$/);
    expect(body).not.toMatch(/[ "<>#&]/);
    expect(decodeURIComponent(body)).toBe(svg.replace(/"/g, "'"));
  });

  it('encodes spaces, line breaks, non-ASCII and & too', () => {
    const url = svgDataUrl('<svg a="1 2">\n<text>あ & 😀</text></svg>');
    expect(url).toBe(
      "data:image/svg+xml,%3Csvg%20a='1%202'%3E%0A%3Ctext%3E%E3%81%82%20%26%20%F0%9F%98%80%3C/text%3E%3C/svg%3E",
    );
  });
});
