import type { Me } from '../api/types';

/** The account's avatar as a small round picture, or nothing without one. */
export function Avatar({ me, size = 24 }: { me: Me; size?: number }) {
  if (!me.avatar_url) return null;
  return (
    <img
      className="avatar"
      src={me.avatar_url}
      width={size}
      height={size}
      alt=""
      data-testid="header-avatar"
    />
  );
}
