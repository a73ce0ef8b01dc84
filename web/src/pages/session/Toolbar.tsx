import type { Theme } from '../../lib/preferences';
import type { LanguageOption } from '../../lib/languages';
import { LanguageSelect } from './LanguageSelect';

interface Props {
  language: string;
  languages: LanguageOption[];
  onLanguage: (id: string) => void;
  vim: boolean;
  onVim: (on: boolean) => void;
  theme: Theme;
  onTheme: (t: Theme) => void;
  customOpen: boolean;
  onCustom: (open: boolean) => void;
  busy: boolean;
  canRun: boolean;
  onRun: () => void;
  onSubmit: () => void;
  onCancel: () => void;
}

export function Toolbar(p: Props) {
  return (
    <div className="toolbar" role="toolbar" aria-label="Editor">
      <LanguageSelect value={p.language} options={p.languages} onChange={p.onLanguage} />
      <button
        type="button"
        className="button button--small toggle"
        aria-pressed={p.vim}
        onClick={() => p.onVim(!p.vim)}
        data-testid="vim-toggle"
      >
        Vim
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() => p.onTheme(p.theme === 'dark' ? 'light' : 'dark')}
        aria-label={p.theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme'}
        data-testid="theme-toggle"
        data-theme={p.theme}
      >
        {p.theme === 'dark' ? 'Light' : 'Dark'}
      </button>
      <button
        type="button"
        className="button button--small toggle"
        aria-pressed={p.customOpen}
        aria-controls={p.customOpen ? 'custom-input' : undefined}
        onClick={() => p.onCustom(!p.customOpen)}
        data-testid="custom-input-toggle"
      >
        Custom input
      </button>
      <span className="toolbar__spacer" />
      {p.busy ? (
        <button type="button" className="button" onClick={p.onCancel} data-testid="cancel-button">
          Cancel
        </button>
      ) : null}
      <button
        type="button"
        className="button"
        onClick={p.onRun}
        disabled={p.busy || !p.canRun}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        title="Run (Ctrl/Cmd+Enter)"
        data-testid="run-button"
      >
        {p.customOpen ? 'Run custom' : 'Run'}
      </button>
      <button
        type="button"
        className="button button--primary"
        onClick={p.onSubmit}
        disabled={p.busy || !p.canRun}
        aria-keyshortcuts="Control+Shift+Enter Meta+Shift+Enter"
        title="Submit (Ctrl/Cmd+Shift+Enter)"
        data-testid="submit-button"
      >
        Submit
      </button>
    </div>
  );
}
