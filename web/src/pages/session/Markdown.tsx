import { useEffect, useState } from 'react';

// Only hints need the client renderer (statements come rendered from the server): load it on
// first use.
let markdownModule: Promise<typeof import('../../lib/markdown')> | null = null;
function loadMarkdown() {
  markdownModule ??= import('../../lib/markdown');
  return markdownModule;
}

interface Props {
  text: string;
  className?: string;
  testId?: string;
}

/** Sanitised markdown (hints); the renderer loads on first use, plain text is shown meanwhile. */
export function Markdown({ text, className, testId }: Props) {
  const [html, setHtml] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    loadMarkdown().then(
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
