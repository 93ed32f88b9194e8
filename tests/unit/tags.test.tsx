// src/content/tags.tsx replaces react-i18next's <Trans components={…}> for content strings (4 KB less on
// the first screen). It must render every content string exactly as Trans would: same elements,
// same text, same nesting, in every language.
import { cleanup, render } from '@testing-library/react';
import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import type { ReactElement } from 'react';
import { I18nextProvider, Trans } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { renderTags } from '../../src/content/tags';

const contentDir = path.resolve(__dirname, '../../content');

function strings(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => strings(v, prefix ? `${prefix}.${k}` : k));
  return [];
}

const tagged: [string, string][] = fs
  .readdirSync(contentDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    fs
      .readdirSync(path.join(contentDir, d.name))
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) =>
        strings(JSON.parse(fs.readFileSync(path.join(contentDir, d.name, f), 'utf8')), `${d.name}/${f}:`),
      ),
  )
  .filter(([, s]) => /<[a-zA-Z]/.test(s));

// Every tag name used, each as a distinguishable element (a void-free <span> with the tag's name).
const components: Record<string, ReactElement> = Object.fromEntries(
  [...new Set(tagged.flatMap(([, s]) => [...s.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)>/g)].map((m) => m[1]!)))].map((n) => [
    n,
    <span key={n} data-tag={n} />,
  ]),
);

const i18n = i18next.createInstance();
await i18n.init({ lng: 'x', resources: {}, initAsync: false, interpolation: { escapeValue: false } });

function html(el: ReactElement): string {
  const { container } = render(<I18nextProvider i18n={i18n}>{el}</I18nextProvider>);
  const out = container.innerHTML;
  cleanup();
  return out;
}

describe('renderTags renders content strings exactly as Trans does', () => {
  it('has tagged strings to compare', () => {
    expect(tagged.length).toBeGreaterThan(50);
  });

  it('matches Trans on every tagged string in every language', () => {
    const different: string[] = [];
    for (const [where, s] of tagged) {
      // Trans gets the finished string through `t` (as Rich gives it one), so only tags differ.
      const t = (() => s) as unknown as typeof i18n.t;
      const viaTrans = html(<Trans t={t} i18nKey="x" components={components} />);
      const viaTags = html(<>{renderTags(s, components)}</>);
      if (viaTrans !== viaTags) different.push(`${where}\n  Trans: ${viaTrans}\n  tags:  ${viaTags}`);
    }
    expect(different).toEqual([]);
  });

  it('keeps the content of an unknown tag and drops stray closing tags', () => {
    expect(html(<>{renderTags('a <x>b</x> c</y> d', {})}</>)).toBe('a b c d');
  });
});
