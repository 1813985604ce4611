import type { FormState } from '@/components/ui/field';

/** The one-line answer under an inline row form: "Saved", or the error. */
export function InlineSaveStatus({ state, pending }: { state: FormState; pending: boolean }) {
  if (!state.message || pending) return null;
  return (
    <p role={state.ok ? 'status' : 'alert'} className={state.ok ? 'text-xs text-emerald-700' : 'text-xs text-red-600'}>
      {state.ok ? 'Saved' : state.message}
    </p>
  );
}
