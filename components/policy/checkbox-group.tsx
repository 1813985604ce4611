'use client';

type CheckboxGroupProps = {
  legend: string;
  hint?: string;
  options: readonly string[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
};

/** A fieldset of checkboxes; the selection keeps the options' order. */
export function CheckboxGroup({ legend, hint, options, selected, onChange }: CheckboxGroupProps) {
  function toggle(option: string, isChecked: boolean) {
    onChange(options.filter((o) => (o === option ? isChecked : selected.includes(o))));
  }
  return (
    <fieldset className="space-y-1.5">
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      <div className="flex flex-wrap gap-x-5 gap-y-1.5">
        {options.map((option) => (
          <label key={option} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={selected.includes(option)}
              onChange={(e) => toggle(option, e.target.checked)}
              className="size-4 rounded border-slate-300"
            />
            <span className="font-mono text-xs">{option}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
