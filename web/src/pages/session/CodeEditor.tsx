import { useEffect, useRef, useState } from 'react';
import type { EditorHandle, EditorTheme } from './editor/codemirror';
import { afterStatementShown } from './loadOrder';

let editorModule: Promise<typeof import('./editor/codemirror')> | null = null;
function loadEditor() {
  editorModule ??= afterStatementShown().then(() => import('./editor/codemirror'));
  return editorModule;
}

interface Props {
  /** The document to show; pushed into the editor only when `docVersion` changes. */
  doc: string;
  docVersion: number;
  language: string;
  languageName: string;
  theme: EditorTheme;
  vim: boolean;
  onChange: (doc: string) => void;
}

/** CodeMirror, created once; shows the code as plain text until the editor has loaded. */
export function CodeEditor({ doc, docVersion, language, languageName, theme, vim, onChange }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<EditorHandle | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const onChangeRef = useRef(onChange);
  const latest = useRef({ doc, language, languageName, theme, vim, docVersion });
  const shownVersion = useRef(-1);

  useEffect(() => {
    onChangeRef.current = onChange;
    latest.current = { doc, language, languageName, theme, vim, docVersion };
  });

  useEffect(() => {
    let cancelled = false;
    loadEditor().then(
      ({ createEditor }) => {
        const host = hostRef.current;
        if (cancelled || host === null) return;
        const l = latest.current;
        handleRef.current = createEditor(host, {
          doc: l.doc,
          language: l.language,
          languageName: l.languageName,
          theme: l.theme,
          vim: l.vim,
          onChange: (text) => onChangeRef.current(text),
        });
        shownVersion.current = l.docVersion;
        setReady(true);
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
      handleRef.current?.destroy();
      handleRef.current = null;
    };
  }, []);

  useEffect(() => {
    const h = handleRef.current;
    if (h === null || shownVersion.current === docVersion) return;
    shownVersion.current = docVersion;
    h.setDoc(doc, language, languageName);
  }, [ready, doc, docVersion, language, languageName]);

  useEffect(() => {
    handleRef.current?.setTheme(theme);
  }, [ready, theme]);

  useEffect(() => {
    handleRef.current?.setVim(vim);
  }, [ready, vim]);

  return (
    <div className="code-editor" data-testid="code-editor" data-ready={ready}>
      <div ref={hostRef} className="code-editor__host" />
      {!ready && (
        <pre className="code-editor__fallback" aria-label="Code (the editor is loading)">
          {failed ? 'The editor could not be loaded. Reload the page to try again.\n\n' : ''}
          {doc}
        </pre>
      )}
    </div>
  );
}
