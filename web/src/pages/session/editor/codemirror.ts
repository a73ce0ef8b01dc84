// CodeMirror 6 set-up. Loaded lazily; each language and Vim load on first use.

import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import {
  bracketMatching,
  defaultHighlightStyle,
  foldGutter,
  foldKeymap,
  indentOnInput,
  indentUnit,
  syntaxHighlighting,
} from '@codemirror/language';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { Compartment, EditorState, Prec, type Extension } from '@codemirror/state';
import { oneDarkTheme } from '@codemirror/theme-one-dark';
import {
  crosshairCursor,
  drawSelection,
  dropCursor,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  rectangularSelection,
} from '@codemirror/view';
import { darkHighlight, lightHighlight } from './highlight';

export type EditorTheme = 'dark' | 'light';

export interface EditorOptions {
  doc: string;
  language: string;
  languageName: string;
  theme: EditorTheme;
  vim: boolean;
  readOnly?: boolean;
  onChange?: (doc: string) => void;
}

export interface EditorHandle {
  /** Replaces the document (and its undo history), e.g. on a language switch. */
  setDoc: (doc: string, language: string, languageName: string) => void;
  setTheme: (theme: EditorTheme) => void;
  setVim: (on: boolean) => void;
  focus: () => void;
  destroy: () => void;
}

const INDENT: Record<string, string> = { go: '\t', javascript: '  ', typescript: '  ' };

/** The syntax support for a language id from /api/languages (empty when unknown). */
export async function loadLanguage(id: string): Promise<Extension> {
  switch (id) {
    case 'python':
      return (await import('@codemirror/lang-python')).python();
    case 'javascript':
      return (await import('@codemirror/lang-javascript')).javascript();
    case 'typescript':
      return (await import('@codemirror/lang-javascript')).javascript({ typescript: true });
    case 'c':
    case 'cpp':
      return (await import('@codemirror/lang-cpp')).cpp();
    case 'java':
      return (await import('@codemirror/lang-java')).java();
    case 'rust':
      return (await import('@codemirror/lang-rust')).rust();
    case 'go':
      return (await import('@codemirror/lang-go')).go();
    case 'sql': {
      const m = await import('@codemirror/lang-sql');
      return m.sql({ dialect: m.SQLite });
    }
    default:
      return [];
  }
}

async function loadVim(): Promise<Extension> {
  return (await import('@replit/codemirror-vim')).vim();
}

const layout = EditorView.theme({
  '&': { height: '100%', fontSize: '14px' },
  '.cm-scroller': {
    overflow: 'auto',
    fontFamily: 'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
    lineHeight: '1.5',
  },
  '&.cm-focused': { outline: 'none' },
});

// One Dark's editor chrome with brighter gutter numbers (4.5:1 contrast).
const darkTheme = [
  oneDarkTheme,
  Prec.highest(EditorView.theme({ '.cm-gutters': { color: '#9ba6b8' } }, { dark: true })),
  syntaxHighlighting(darkHighlight),
];

const lightTheme = EditorView.theme(
  {
    '&': { backgroundColor: '#ffffff', color: '#1a1f29' },
    '.cm-gutters': { backgroundColor: '#f3f5f8', color: '#5b6575', borderRight: '1px solid #d5dbe3' },
    '.cm-activeLine': { backgroundColor: '#eef3fb' },
    '.cm-activeLineGutter': { backgroundColor: '#e2e9f4' },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: '#cfe0f7' },
    '.cm-cursor': { borderLeftColor: '#1a1f29' },
  },
  { dark: false },
);

const lightThemeFull = [lightTheme, syntaxHighlighting(lightHighlight)];

function themeExtension(theme: EditorTheme): Extension {
  return theme === 'dark' ? darkTheme : lightThemeFull;
}

function languageSupport(language: string, languageName: string, syntax: Extension): Extension {
  return [
    syntax,
    indentUnit.of(INDENT[language] ?? '    '),
    EditorView.contentAttributes.of({ 'aria-label': `Code editor, ${languageName}` }),
  ];
}

export function createEditor(parent: HTMLElement, options: EditorOptions): EditorHandle {
  const languageC = new Compartment();
  const themeC = new Compartment();
  const vimC = new Compartment();
  let language = options.language;
  let languageName = options.languageName;
  let vimOn = options.vim;
  let theme = options.theme;
  let destroyed = false;
  const syntaxCache = new Map<string, Extension>();

  const extensions = (): Extension[] => [
    vimC.of([]),
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    foldGutter(),
    drawSelection(),
    dropCursor(),
    EditorState.allowMultipleSelections.of(true),
    indentOnInput(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    bracketMatching(),
    closeBrackets(),
    autocompletion(),
    rectangularSelection(),
    crosshairCursor(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    keymap.of([
      ...closeBracketsKeymap,
      ...defaultKeymap,
      ...searchKeymap,
      ...historyKeymap,
      ...foldKeymap,
      ...completionKeymap,
      indentWithTab,
    ]),
    layout,
    themeC.of(themeExtension(theme)),
    languageC.of(languageSupport(language, languageName, syntaxCache.get(language) ?? [])),
    EditorState.readOnly.of(options.readOnly ?? false),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) options.onChange?.(u.state.doc.toString());
    }),
  ];

  const view = new EditorView({
    parent,
    state: EditorState.create({ doc: options.doc, extensions: extensions() }),
  });

  function applyLanguage(): void {
    const wanted = language;
    if (syntaxCache.has(wanted)) return;
    void loadLanguage(wanted).then((syntax) => {
      syntaxCache.set(wanted, syntax);
      if (destroyed || wanted !== language) return;
      view.dispatch({ effects: languageC.reconfigure(languageSupport(wanted, languageName, syntax)) });
    });
  }

  function applyVim(): void {
    if (!vimOn) {
      view.dispatch({ effects: vimC.reconfigure([]) });
      return;
    }
    void loadVim().then((ext) => {
      if (destroyed || !vimOn) return;
      view.dispatch({ effects: vimC.reconfigure(ext) });
    });
  }

  applyLanguage();
  if (vimOn) applyVim();

  return {
    setDoc(doc, nextLanguage, nextName) {
      language = nextLanguage;
      languageName = nextName;
      view.setState(EditorState.create({ doc, extensions: extensions() }));
      applyLanguage();
      if (vimOn) applyVim();
    },
    setTheme(next) {
      theme = next;
      view.dispatch({ effects: themeC.reconfigure(themeExtension(next)) });
    },
    setVim(on) {
      vimOn = on;
      applyVim();
    },
    focus() {
      view.focus();
    },
    destroy() {
      destroyed = true;
      view.destroy();
    },
  };
}
