import type { LanguageOption } from '../../lib/languages';

interface Props {
  value: string;
  options: LanguageOption[];
  onChange: (id: string) => void;
  disabled?: boolean;
}

export function LanguageSelect({ value, options, onChange, disabled }: Props) {
  return (
    <div className="field field--inline">
      <label htmlFor="language-select" className="visually-hidden">
        Language
      </label>
      <select
        id="language-select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        disabled={disabled}
        data-testid="language-select"
      >
        {options.map((o) => (
          <option key={o.id} value={o.id} disabled={!o.available}>
            {o.available ? o.name : `${o.name} — unavailable${o.reason !== null ? `: ${o.reason}` : ''}`}
          </option>
        ))}
      </select>
    </div>
  );
}
