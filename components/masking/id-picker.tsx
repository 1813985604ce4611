'use client';

import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import type { ExemptOption } from './masking-rule-draft';

type IdPickerProps = {
  id: string;
  label: string;
  /** The singular noun for the add select and the remove buttons ("user", "token"). */
  noun: string;
  options: readonly ExemptOption[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
};

/**
 * A chosen-list with an "add" select: easier than a native multiple select, and every chosen entry
 * has its own labelled remove button. An id that is no longer offered (a deleted user) stays visible.
 */
export function IdPicker({ id, label, noun, options, selected, onChange }: IdPickerProps) {
  const labels = new Map(options.map((o) => [o.value, o.label]));
  const addable = options.filter((o) => !selected.includes(o.value));
  return (
    <Field id={id} label={label}>
      <Select
        id={id}
        options={[{ value: '', label: addable.length ? `Add a ${noun}…` : `No other ${noun}s` }, ...addable]}
        value=""
        disabled={addable.length === 0}
        onChange={(e) => {
          if (e.target.value) onChange([...selected, e.target.value]);
        }}
      />
      {selected.length ? (
        <ul className="flex flex-wrap gap-2" aria-label={`${label}: chosen`}>
          {selected.map((value) => {
            const name = labels.get(value) ?? `${value} (unknown ${noun})`;
            return (
              <li key={value} className="flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-3 text-xs text-slate-700">
                {name}
                <Button
                  size="sm"
                  variant="ghost"
                  className="h-6 px-2"
                  aria-label={`Remove ${noun} ${name}`}
                  onClick={() => onChange(selected.filter((s) => s !== value))}
                >
                  ×
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </Field>
  );
}
