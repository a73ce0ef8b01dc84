import { useEffect, useState } from 'react';
import { markStatementShown } from './loadOrder';

const markdownModule = import('../../lib/markdown');

interface Props {
  text: string;
  className?: string;
  testId?: string;
}

/** Sanitised markdown; the renderer loads with the session page, plain text is shown meanwhile. */
export function Markdown({ text, className, testId }: Props) {
  const [html, setHtml] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    markdownModule.then(
      ({ renderMarkdown }) => {
        if (live) setHtml(renderMarkdown(text));
      },
      () => {
        // The text stays shown as plain text.
      },
    );
    return () => {
      live = false;
    };
  }, [text]);

  useEffect(() => {
    if (html !== null) markStatementShown();
  }, [html]);

  const cls = `markdown${className !== undefined ? ` ${className}` : ''}`;
  if (html === null) {
    return (
      <div className={cls} data-testid={testId}>
        <p className="markdown__plain">{text}</p>
      </div>
    );
  }
  // The HTML comes from renderMarkdown, which sanitises it with DOMPurify.
  return <div className={cls} data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />;
}
