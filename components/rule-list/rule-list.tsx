import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';

type RuleListProps = {
  /** The list's accessible name. */
  label: string;
  /** What an empty list means for the target. */
  emptyMessage: string;
  isEmpty: boolean;
  children: ReactNode;
};

export function RuleList({ label, emptyMessage, isEmpty, children }: RuleListProps) {
  if (isEmpty) return <Alert variant="info">{emptyMessage}</Alert>;
  return (
    <ol aria-label={label} className="divide-y divide-slate-100 rounded-md border border-slate-200">
      {children}
    </ol>
  );
}
