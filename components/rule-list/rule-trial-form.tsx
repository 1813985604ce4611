'use client';

import { startTransition, type ComponentProps, type FormEvent } from 'react';

type RuleTrialFormProps = Omit<ComponentProps<'form'>, 'action' | 'onSubmit'> & {
  /** The dispatch function from useActionState. */
  action: (formData: FormData) => void;
  targetId: string;
  /** The draft rules to try, saved or not; left out where the action runs the saved ones. */
  rules?: readonly unknown[];
};

/**
 * A form that tries a target's rules on typed input (SQL, sample text). It is submitted by hand: a
 * form `action` resets the form once it has run, which would throw away what was typed.
 */
export function RuleTrialForm({ action, targetId, rules, children, ...props }: RuleTrialFormProps) {
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formData = new FormData(e.currentTarget);
    startTransition(() => action(formData));
  }

  return (
    <form onSubmit={submit} {...props}>
      <input type="hidden" name="target" value={targetId} />
      {rules ? <input type="hidden" name="rules" value={JSON.stringify(rules)} /> : null}
      {children}
    </form>
  );
}
