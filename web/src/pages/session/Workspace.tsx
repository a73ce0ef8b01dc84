import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { Hint, Language, Problem, Run, RunKind, Session, Solution } from '../../api/types';
import { initialLanguage, languageOptions } from '../../lib/languages';
import { usePreference, themePref, vimPref } from '../../lib/preferences';
import { isActive } from '../../lib/runState';
import { shortcutFor } from '../../lib/shortcuts';
import type { TimerSnapshot } from '../../lib/timer';
import { CodeEditor } from './CodeEditor';
import { CustomInput } from './CustomInput';
import { HistoryTab } from './HistoryTab';
import { Hints } from './Hints';
import { ResultSheet } from './ResultSheet';
import { SaveStatusView } from './SaveStatusView';
import { SessionHeader } from './SessionHeader';
import { Solutions } from './Solutions';
import { SplitPane } from './SplitPane';
import { Statement } from './Statement';
import { Tabs } from './Tabs';
import { Toolbar } from './Toolbar';
import { useDrafts } from './useDrafts';
import { useRunner } from './useRunner';

interface Props {
  problem: Problem;
  session: Session;
  languages: Language[];
  receivedAt: number;
}

type Tab = 'statement' | 'history';
const TABS: { id: Tab; label: string }[] = [
  { id: 'statement', label: 'Statement' },
  { id: 'history', label: 'History' },
];

/** The practice session: statement and history beside the editor, toolbar and results. */
export function Workspace({ problem, session, languages, receivedAt }: Props) {
  const slug = problem.slug;
  const options = useMemo(() => languageOptions(problem.languages, languages), [problem.languages, languages]);
  const nameOf = useCallback((id: string) => options.find((o) => o.id === id)?.name ?? id, [options]);
  const usable = useCallback((id: string) => options.some((o) => o.id === id && o.available), [options]);

  const { sync, initial, status: saveStatus } = useDrafts(problem, session);
  const draftOrStarter = useCallback(
    (lang: string) => sync?.get(lang)?.code ?? initial[lang]?.code ?? problem.starter[lang] ?? '',
    [sync, initial, problem.starter],
  );

  const [language, setLanguage] = useState(() => initialLanguage(session.language, options));
  const [doc, setDoc] = useState(() => initial[language]?.code ?? problem.starter[language] ?? '');
  const [docVersion, setDocVersion] = useState(0);
  const codeRef = useRef(doc);

  const [timer, setTimer] = useState<TimerSnapshot>({ timer: session.timer, receivedAt });
  const [timerBusy, setTimerBusy] = useState(false);
  const [hints, setHints] = useState<Hint[]>(session.hints);
  const [hintTotal, setHintTotal] = useState(session.hint_count);
  const [solutions, setSolutions] = useState<Solution[] | null>(session.solutions);
  const [solved, setSolved] = useState(session.solved);
  const [tab, setTab] = useState<Tab>('statement');
  const [historyKey, setHistoryKey] = useState(0);
  const [customOpen, setCustomOpen] = useState(false);
  const [customText, setCustomText] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);
  const [theme, setTheme] = usePreference(themePref);
  const [vim, setVim] = usePreference(vimPref);

  const refreshSession = useCallback(() => {
    api.session(slug).then(
      (s) => {
        setTimer({ timer: s.timer, receivedAt: Date.now() });
        setHints(s.hints);
        setHintTotal(s.hint_count);
        setSolutions(s.solutions);
        setSolved(s.solved);
      },
      () => {
        // The page keeps what it has; the next action tries again.
      },
    );
  }, [slug]);

  const onFinished = useCallback(
    (run: Run) => {
      setHistoryKey((k) => k + 1);
      if (run.kind === 'submit') refreshSession();
    },
    [refreshSession],
  );
  const runner = useRunner(onFinished);
  const busy = isActive(runner.state);

  function replaceDoc(lang: string, code: string) {
    codeRef.current = code;
    setLanguage(lang);
    setDoc(code);
    setDocVersion((v) => v + 1);
  }

  function switchLanguage(next: string) {
    if (next === language) return;
    sync?.saveLocal();
    replaceDoc(next, draftOrStarter(next));
    api.setLanguage(slug, next).catch((err: unknown) => setActionError(errorMessage(err)));
  }

  function loadFromHistory(lang: string, code: string) {
    if (lang !== language) {
      api.setLanguage(slug, lang).catch((err: unknown) => setActionError(errorMessage(err)));
    }
    replaceDoc(lang, code);
    sync?.edit(lang, code);
  }

  const onEdit = useCallback(
    (code: string) => {
      codeRef.current = code;
      sync?.edit(language, code);
    },
    [sync, language],
  );

  const start = useCallback(
    (kind: RunKind) => {
      if (isActive(runner.state) || !usable(language)) return;
      void sync?.flush();
      const custom = kind === 'run' && customOpen;
      runner.start({
        problem: slug,
        language,
        code: codeRef.current,
        kind: custom ? 'custom' : kind,
        ...(custom ? { custom_input: customText } : {}),
      });
    },
    [runner, usable, language, sync, customOpen, slug, customText],
  );

  // Ctrl/Cmd+Enter runs and Ctrl/Cmd+Shift+Enter submits, wherever the focus is (editor included):
  // caught in the capture phase, before CodeMirror's own Mod-Enter binding.
  const startRef = useRef(start);
  useEffect(() => {
    startRef.current = start;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = shortcutFor(e);
      if (s === null) return;
      e.preventDefault();
      e.stopPropagation();
      startRef.current(s);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  function timerAction(action: 'pause' | 'resume') {
    setTimerBusy(true);
    api.timer(slug, action).then(
      (t) => {
        setTimerBusy(false);
        setTimer({ timer: t, receivedAt: Date.now() });
      },
      (err: unknown) => {
        setTimerBusy(false);
        setActionError(errorMessage(err));
      },
    );
  }

  const left = (
    <>
      <Tabs tabs={TABS} active={tab} onChange={setTab} label="Problem" idPrefix="left" />
      <div
        className="tab-panel"
        role="tabpanel"
        id={`left-panel-${tab}`}
        aria-labelledby={`left-tab-${tab}`}
        tabIndex={0}
      >
        {tab === 'statement' ? (
          <>
            <Statement problem={problem} />
            <Hints
              slug={slug}
              hints={hints}
              total={hintTotal}
              onRevealed={(h, total) => {
                setHints((prev) => (prev.some((x) => x.tier === h.tier) ? prev : [...prev, h]));
                setHintTotal(total);
              }}
            />
            <Solutions
              slug={slug}
              available={problem.has_solutions}
              solutions={solutions}
              languageName={nameOf}
              onRevealed={setSolutions}
            />
          </>
        ) : (
          <HistoryTab
            slug={slug}
            refreshKey={historyKey}
            languageName={nameOf}
            canLoad={usable}
            onLoad={loadFromHistory}
          />
        )}
      </div>
    </>
  );

  const currentVersion = options.find((o) => o.id === language)?.version ?? null;
  const right = (
    <div className="editor-pane">
      <Toolbar
        language={language}
        languages={options}
        onLanguage={switchLanguage}
        vim={vim}
        onVim={setVim}
        theme={theme}
        onTheme={setTheme}
        customOpen={customOpen}
        onCustom={setCustomOpen}
        busy={busy}
        canRun={usable(language)}
        onRun={() => start('run')}
        onSubmit={() => start('submit')}
        onCancel={runner.cancel}
      />
      {actionError !== null && (
        <div className="notice notice--error notice--inline" role="alert" data-testid="action-error">
          <p>{actionError}</p>
          <button type="button" className="link-button" onClick={() => setActionError(null)}>
            Dismiss
          </button>
        </div>
      )}
      {!usable(language) && (
        <p className="notice notice--inline" role="status">
          {nameOf(language)} cannot run on this server
          {options.find((o) => o.id === language)?.reason != null ? `: ${options.find((o) => o.id === language)?.reason ?? ''}` : ''}.
          Pick another language to run your code.
        </p>
      )}
      <CodeEditor
        doc={doc}
        docVersion={docVersion}
        language={language}
        languageName={nameOf(language)}
        theme={theme}
        vim={vim}
        onChange={onEdit}
      />
      <div className="editor-footer">
        <p className="editor-help muted">
          <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>Enter</kbd> runs · add <kbd>Shift</kbd> to submit · <kbd>Esc</kbd> then{' '}
          <kbd>Tab</kbd> leaves the editor
        </p>
        <p className="editor-footer__status">
          {currentVersion !== null && (
            <span className="language-version muted" data-testid="language-version">
              {currentVersion}
            </span>
          )}
          <SaveStatusView status={saveStatus} />
        </p>
      </div>
      {customOpen && <CustomInput value={customText} onChange={setCustomText} help={problem.custom_input_help} />}
      <ResultSheet state={runner.state} />
    </div>
  );

  return (
    <div className="session">
      <SessionHeader
        problem={problem}
        solved={solved}
        timer={timer}
        timerBusy={timerBusy}
        onPause={() => timerAction('pause')}
        onResume={() => timerAction('resume')}
      />
      <SplitPane left={left} right={right} leftLabel="Problem" rightLabel="Code" />
    </div>
  );
}
