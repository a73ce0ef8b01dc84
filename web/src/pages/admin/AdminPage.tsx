import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { ROLES, type Role, type UserList } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { isAdmin } from '../../lib/account';
import { useMe } from '../../lib/me';

/** /admin: accounts and their roles. The server refuses non-admins anyway (403). */
export function AdminPage() {
  const me = useMe();
  const [page, setPage] = useState(1);
  const [list, setList] = useState<UserList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const allowed = isAdmin(me);

  useEffect(() => {
    if (!allowed) return;
    const abort = new AbortController();
    api.adminUsers(page, abort.signal).then(setList, (err: unknown) => {
      if (!abort.signal.aborted) setError(err);
    });
    return () => abort.abort();
  }, [page, allowed]);

  async function change(id: string, role: Role) {
    setError(null);
    try {
      const updated = await api.setRole(id, role);
      setList((old) => old && { ...old, users: old.users.map((u) => (u.id === id ? updated : u)) });
    } catch (err) {
      setError(err);
    }
  }

  if (me === null) return <p className="page-loading">Loading…</p>;
  if (!allowed) {
    return (
      <section className="page narrow" data-testid="admin-forbidden">
        <h1 className="page-title">Administration</h1>
        <p>Only admins can see this page.</p>
      </section>
    );
  }
  const pages = list === null ? 1 : Math.max(1, Math.ceil(list.total / list.per_page));
  return (
    <section className="page admin-page" aria-labelledby="admin-title" data-testid="admin-page">
      <h1 id="admin-title" className="page-title">
        Users
      </h1>
      {error !== null && <ErrorNotice error={error} />}
      {list === null ? (
        <p className="page-loading">Loading…</p>
      ) : (
        <table className="admin-table">
          <caption className="muted">{list.total} accounts</caption>
          <thead>
            <tr>
              <th scope="col">Username</th>
              <th scope="col">Display name</th>
              <th scope="col">Joined</th>
              <th scope="col">Role</th>
            </tr>
          </thead>
          <tbody>
            {list.users.map((user) => (
              <tr key={user.id} data-testid="admin-user" data-username={user.username ?? ''}>
                <td>{user.username}</td>
                <td>{user.display_name}</td>
                <td>{new Date(user.created_at).toLocaleDateString()}</td>
                <td>
                  <select
                    aria-label={`Role of ${user.username ?? user.id}`}
                    value={user.role}
                    disabled={user.id === me.id}
                    onChange={(e) => void change(user.id, e.target.value as Role)}
                    data-testid="admin-role"
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {role}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="actions">
        <button type="button" className="button" disabled={page <= 1} onClick={() => setPage(page - 1)} data-testid="admin-prev">
          Previous
        </button>
        <span>
          Page {page} of {pages}
        </span>
        <button
          type="button"
          className="button"
          disabled={page >= pages}
          onClick={() => setPage(page + 1)}
          data-testid="admin-next"
        >
          Next
        </button>
      </p>
    </section>
  );
}
