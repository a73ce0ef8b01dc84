import type { SaveStatus } from '../../lib/draftSync';

const TEXT = { saved: 'Saved', saving: 'Saving…', offline: 'Offline — saved locally' } as const;

export function SaveStatusView({ status }: { status: SaveStatus }) {
  const text = status.state === 'error' ? `Not saved to the server: ${status.message}` : TEXT[status.state];
  return (
    <span
      className={`save-status save-status--${status.state}`}
      data-testid="save-status"
      data-state={status.state}
      title={status.state === 'error' ? 'Your code is kept in this browser.' : undefined}
    >
      {text}
    </span>
  );
}
