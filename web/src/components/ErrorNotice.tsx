import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '../api/errors';

interface Props {
  error: unknown;
  /** What the reader can do, e.g. a retry button or a link. */
  action?: ReactNode;
  title?: string;
}

function defaultTitle(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return 'Cannot reach the server';
    if (err.status === 404) return 'Not found';
    if (err.status === 429) return 'The judge is busy';
    if (err.status >= 500) return 'The server had a problem';
  }
  return 'Something went wrong';
}

/** An API error as a readable message with what to do next. */
export function ErrorNotice({ error, action, title }: Props) {
  return (
    <div className="notice notice--error" role="alert" data-testid="error-message">
      <p className="notice__title">{title ?? defaultTitle(error)}</p>
      <p>{errorMessage(error)}</p>
      {action !== undefined && <div className="notice__action">{action}</div>}
    </div>
  );
}
