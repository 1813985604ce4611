import type { FormEvent, ReactNode } from 'react';
import { Button } from '@/components/ui/button';

type RuleFormFrameProps = {
  /** useId() of the form; the title is `${id}-title` and names the form. */
  id: string;
  title: string;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
  /** Shown beside Apply: nothing is saved until the whole list is. */
  reminder: string;
  children: ReactNode;
};

export function RuleFormFrame({ id, title, onSubmit, onCancel, reminder, children }: RuleFormFrameProps) {
  return (
    <form onSubmit={onSubmit} aria-labelledby={`${id}-title`} className="space-y-4 rounded-md border border-slate-300 bg-slate-50 p-4">
      <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        {title}
      </h3>
      {children}
      <div className="flex items-center gap-2">
        <Button type="submit">Apply</Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <span className="text-xs text-slate-500">{reminder}</span>
      </div>
    </form>
  );
}
