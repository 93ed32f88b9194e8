// A link inside the guide: a real address (so a new tab, a copied link or no JavaScript still
// works), moved to in place on a plain click.
import type { AnchorHTMLAttributes, MouseEvent } from 'react';

type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'onClick'> & { href: string; onGo: () => void };

export function GuideLink({ onGo, href, children, ...props }: Props) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    // Ctrl/⌘/Shift/middle click keep the browser's own meaning (new tab, new window).
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    onGo();
  };
  // href and children are written out (not only spread) so the link's address and content are
  // visible here, to readers and to the accessibility lint rules.
  return (
    <a {...props} href={href} onClick={onClick}>
      {children}
    </a>
  );
}
