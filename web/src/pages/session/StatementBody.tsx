import { useEffect } from 'react';
import { markStatementShown } from './loadOrder';

/**
 * The statement as the server rendered it (raw HTML in the markdown is escaped there, and
 * script-capable links removed), so it shows at once, without a client-side renderer.
 */
export function StatementBody({ html }: { html: string }) {
  useEffect(() => {
    markStatementShown();
  }, [html]);
  return <div className="markdown" data-testid="statement" dangerouslySetInnerHTML={{ __html: html }} />;
}
