// Renders a content string with its inline tags: <tel>…</tel> becomes a tap-to-call link, a term
// tag (<revoke>失効</revoke>, ids from content/<lang>/terms.json) gets its plain-words meaning
// right where it appears, and a source tag (<s1>…</s1>, ids from content/sources.json) links
// the official page.
import type { ReactElement, ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { sources } from '../content';
import termsJa from '../../content/ja/terms.json';

const TERM_IDS = Object.keys(termsJa);

function Term({ id, children }: { id: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <span className="term">
      <dfn>{children}</dfn>
      <span className="term-meaning">{t('ui:termMeaning', { meaning: t(`terms:${id}.meaning`) })}</span>
    </span>
  );
}

export function telHref(text: string): string {
  return `tel:${text.replace(/[^0-9+]/g, '')}`;
}

function Tel({ children }: { children?: ReactNode }) {
  const text = flatten(children);
  return (
    <a className="tel" href={telHref(text)}>
      {children}
    </a>
  );
}

export function SourceLink({ id, children }: { id: string; children?: ReactNode }) {
  const source = sources[id];
  if (!source) return <>{children}</>;
  return (
    <a href={source.url} rel="noopener noreferrer">
      {children ?? source.title}
    </a>
  );
}

function flatten(node: ReactNode): string {
  if (node == null || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(flatten).join('');
  return '';
}

const components: Record<string, ReactElement> = {
  tel: <Tel />,
  strong: <strong />,
  ...Object.fromEntries(TERM_IDS.map((id) => [id, <Term id={id} />])),
  ...Object.fromEntries(Object.keys(sources).map((id) => [id.toLowerCase(), <SourceLink id={id} />])),
};

export function Rich({ k }: { k: string }) {
  const { t } = useTranslation();
  return <Trans t={t} i18nKey={k} components={components} />;
}
