/**
 * @module An anchor that navigates without reloading, while keeping every native behaviour of a
 * link (open in new tab, copy address, middle click).
 */
import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate, usePath } from './router.ts';

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
}

function isPlainLeftClick(e: MouseEvent): boolean {
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
}

export function Link({ to, onClick, ...rest }: LinkProps) {
  const path = usePath();
  return (
    <a
      {...rest}
      href={to}
      aria-current={path === to.split('?')[0] ? 'page' : undefined}
      onClick={(e) => {
        onClick?.(e);
        if (e.defaultPrevented || !isPlainLeftClick(e)) return;
        e.preventDefault();
        navigate(to);
      }}
    />
  );
}
