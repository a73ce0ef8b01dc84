interface Props {
  value: string;
  onChange: (v: string) => void;
  help: string;
}

export function CustomInput({ value, onChange, help }: Props) {
  return (
    <div className="custom-input" id="custom-input">
      <label htmlFor="custom-input-text">Custom input</label>
      <p className="muted custom-input__help" id="custom-input-help">
        {help !== '' ? help : 'The input your program reads.'} Run uses this input instead of the example tests.
      </p>
      <textarea
        id="custom-input-text"
        aria-describedby="custom-input-help"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        rows={4}
        spellCheck={false}
        data-testid="custom-input"
      />
    </div>
  );
}
