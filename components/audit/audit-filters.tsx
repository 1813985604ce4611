import Link from 'next/link';
import { AUDIT_ACTIONS } from '@/lib/audit/audit-actions';
import { Button } from '@/components/ui/button';
import { describedBy, Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { AuditQuery } from './audit-query';

const KIND_OPTIONS = [
  { value: 'all', label: 'Statements and events' },
  { value: 'statements', label: 'Statements only' },
  { value: 'events', label: 'Events only' },
];
const ACTION_OPTIONS = [{ value: '', label: 'Any action' }, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: a }))];
const DECISION_OPTIONS = [
  { value: '', label: 'Any decision' },
  { value: 'allow', label: 'allowed' },
  { value: 'block', label: 'blocked' },
  { value: 'require_approval', label: 'held for approval' },
];

type TextFilter = { name: string; label: string; placeholder: string; width: string };

const TEXT_FILTERS: readonly TextFilter[] = [
  { name: 'actor', label: 'Who (e-mail)', placeholder: 'anyone', width: 'w-56' },
  { name: 'target', label: 'Target', placeholder: 'any target', width: 'w-40' },
  { name: 'statementKind', label: 'Statement kind', placeholder: 'delete, write, ddl…', width: 'w-40' },
  { name: 'table', label: 'Table', placeholder: 'payments', width: 'w-40' },
  { name: 'from', label: 'From (UTC)', placeholder: '2025-01-31 14:00', width: 'w-44' },
  { name: 'to', label: 'To (UTC, before)', placeholder: '2025-02-07', width: 'w-44' },
];

type AuditFiltersProps = { query: AuditQuery; fieldErrors?: Record<string, string[]> };

/** A plain GET form: the search lives in the URL, so it can be shared, reloaded and exported as it is. */
export function AuditFilters({ query, fieldErrors = {} }: AuditFiltersProps) {
  const errorsOf = (name: string) => fieldErrors[name];
  return (
    <form method="get" action="/audit" className="space-y-3" aria-label="Audit filters">
      <div className="flex flex-wrap items-end gap-3">
        <Field id="audit-q" label="Search" errors={errorsOf('q')} className="min-w-72 flex-1">
          <Input
            id="audit-q"
            name="q"
            type="search"
            defaultValue={query.q ?? ''}
            placeholder='delete payments, "drop table", signed in'
            autoComplete="off"
            aria-invalid={errorsOf('q') ? true : undefined}
            aria-describedby={describedBy('audit-q', { errors: errorsOf('q') })}
          />
        </Field>
        <Field id="audit-kind" label="Show" className="w-52">
          <Select id="audit-kind" name="kind" options={KIND_OPTIONS} defaultValue={query.kind ?? 'all'} />
        </Field>
        <Button type="submit">Search</Button>
        <Link href="/audit" className="pb-2 text-sm text-slate-500 hover:text-slate-900">
          Clear
        </Link>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        {TEXT_FILTERS.map((f) => (
          <Field key={f.name} id={`audit-${f.name}`} label={f.label} errors={errorsOf(f.name)} className={f.width}>
            <Input
              id={`audit-${f.name}`}
              name={f.name}
              defaultValue={query[f.name] ?? ''}
              placeholder={f.placeholder}
              autoComplete="off"
              aria-invalid={errorsOf(f.name) ? true : undefined}
              aria-describedby={describedBy(`audit-${f.name}`, { errors: errorsOf(f.name) })}
            />
          </Field>
        ))}
        <Field id="audit-action" label="Action" errors={errorsOf('action')} className="w-56">
          <Select id="audit-action" name="action" options={ACTION_OPTIONS} defaultValue={query.action ?? ''} />
        </Field>
        <Field id="audit-decision" label="Decision" errors={errorsOf('decision')} className="w-44">
          <Select id="audit-decision" name="decision" options={DECISION_OPTIONS} defaultValue={query.decision ?? ''} />
        </Field>
      </div>
    </form>
  );
}
