import type { ComponentProps } from 'react';
import { cn } from './cn';
import { CONTROL_CLASS } from './input';

export type SelectOption = { value: string; label: string };

type SelectProps = ComponentProps<'select'> & { options: readonly SelectOption[] };

/** A native select: accessible and form-friendly without client code. */
export function Select({ options, className, ...props }: SelectProps) {
  return (
    <select className={cn(CONTROL_CLASS, className)} {...props}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
