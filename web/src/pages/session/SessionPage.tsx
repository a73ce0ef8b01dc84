import { ApiError } from '../../api/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAsync } from '../../lib/useAsync';
import { Link } from '../../router/Link';
import { loadSessionData } from './sessionData';
import { Workspace } from './Workspace';
import './session.css';

/** /problems/:slug — loads the problem, the session and the languages, then shows the IDE. */
export default function SessionPage({ slug }: { slug: string }) {
  const state = useAsync(() => loadSessionData(slug));

  if (state.status === 'loading') {
    return (
      <p className="page-loading" aria-busy="true">
        Loading the problem…
      </p>
    );
  }
  if (state.status === 'error') {
    const missing = state.error instanceof ApiError && state.error.status === 404;
    return (
      <div className="page narrow">
        {missing ? (
          <div className="notice notice--error" role="alert" data-testid="error-message">
            <p className="notice__title">No such problem</p>
            <p>
              There is no problem called “{slug}”. It may have been renamed or removed; pick one from the list.
            </p>
            <p className="notice__action">
              <Link className="button button--primary" href="/problems">
                Browse problems
              </Link>
            </p>
          </div>
        ) : (
          <ErrorNotice
            error={state.error}
            action={
              <button type="button" className="button" onClick={state.reload}>
                Try again
              </button>
            }
          />
        )}
      </div>
    );
  }
  const { problem, session, languages, receivedAt } = state.data;
  return <Workspace problem={problem} session={session} languages={languages} receivedAt={receivedAt} />;
}
