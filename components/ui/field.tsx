import type { ReactNode } from 'react';
import { Label } from './label';
import { cn } from './cn';

/**
 * What a form action returns, as far as components need to know. It mirrors the portal's
 * ActionState structurally because components may not import app/.
 */
export type FormState<T = unknown> = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  data?: T;
  values?: Record<string, string>;
};

/** aria-describedby for a control whose hint and errors Field renders. */
export function describedBy(id: string, options: { hint?: ReactNode; errors?: string[] }): string | undefined {
  const ids = [options.hint ? `${id}-hint` : null, options.errors?.length ? `${id}-errors` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

type FieldProps = {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  className?: string;
  children: ReactNode;
};

/** A label, its control, an optional hint and the control's errors. The hint stays out of the label so the accessible name is exactly the label. */
export function Field({ id, label, hint, errors, className, children }: FieldProps) {
  return (
    <div className={cn('space-y-1.5', className)}>
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <ul id={`${id}-errors`} className="space-y-0.5 text-xs text-red-600">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
