import type { ComponentProps } from 'react';
import { cn } from './cn';

const VARIANTS = {
  error: 'border-red-200 bg-red-50 text-red-800',
  success: 'border-emerald-200 bg-emerald-50 text-emerald-800',
  info: 'border-sky-200 bg-sky-50 text-sky-800',
} as const;

type AlertProps = ComponentProps<'div'> & { variant?: keyof typeof VARIANTS };

/** Errors interrupt screen readers (role=alert); success and info are announced politely. */
export function Alert({ variant = 'info', className, ...props }: AlertProps) {
  return (
    <div
      role={variant === 'error' ? 'alert' : 'status'}
      className={cn('rounded-md border px-4 py-3 text-sm', VARIANTS[variant], className)}
      {...props}
    />
  );
}
