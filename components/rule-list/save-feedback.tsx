import { Alert } from '@/components/ui/alert';
import type { FormState } from '@/components/ui/field';
import type { SaveProblem } from './save-problems';

type SaveFeedbackProps = {
  state: FormState;
  problems: SaveProblem[];
  isVisible: boolean;
  isDirty: boolean;
  /** data-testid of the list of problems. */
  errorsTestId: string;
};

/** A success message only while the list is still the one saved; a failure lists every problem with where it is. */
export function SaveFeedback({ state, problems, isVisible, isDirty, errorsTestId }: SaveFeedbackProps) {
  if (!isVisible || !state.message) return null;
  if (state.ok) return isDirty ? null : <Alert variant="success">{state.message}</Alert>;
  if (!problems.length) return <Alert variant="error">{state.message}</Alert>;
  return (
    <Alert variant="error" data-testid={errorsTestId}>
      <p className="font-medium">Nothing was saved. Fix these problems and save again:</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {problems.map((p) => (
          <li key={p.path}>
            <strong>{p.where}</strong>: {p.messages.join('; ')} <code className="text-xs text-red-600">({p.path})</code>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
