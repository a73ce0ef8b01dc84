import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from './history';
import { isPlainLeftClick } from './routes';

type Props = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** An anchor that navigates in-app on a plain left click and stays a real link otherwise. */
export function Link({ href, onClick, target, children, ...rest }: Props) {
  function handle(e: MouseEvent<HTMLAnchorElement>) {
    onClick?.(e);
    if (!isPlainLeftClick(e) || (target !== undefined && target !== '_self')) return;
    e.preventDefault();
    navigate(href);
  }
  return (
    <a href={href} target={target} onClick={handle} {...rest}>
      {children}
    </a>
  );
}
