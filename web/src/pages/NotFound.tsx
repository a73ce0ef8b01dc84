import { Link } from '../router/Link';

export function NotFound({ path }: { path: string }) {
  return (
    <section className="page narrow not-found" data-testid="not-found" aria-labelledby="nf-title">
      <h1 id="nf-title">Page not found</h1>
      <p>
        There is nothing at <code>{path}</code>. Check the address, or pick a problem from the list.
      </p>
      <p className="actions">
        <Link className="button button--primary" href="/problems">
          Browse problems
        </Link>
        <Link className="button" href="/">
          Home
        </Link>
      </p>
    </section>
  );
}
