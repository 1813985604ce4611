import Link from 'next/link';
import { Button, buttonClass } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';

export type SessionFilterValues = Partial<Record<'q' | 'user' | 'token' | 'target' | 'from' | 'to' | 'status' | 'endReason', string>>;

const STATUS_OPTIONS = [
  { value: '', label: 'Live or ended' },
  { value: 'live', label: 'Live' },
  { value: 'ended', label: 'Ended' },
];

/** datetime-local shows only "YYYY-MM-DDTHH:MM"; a full ISO time from a shared link is cut to that. */
const localValue = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) ? v.slice(0, 16) : (v ?? ''));

/** A plain GET form: the filters live in the URL, so a search can be shared and reloaded. */
export function SessionFilters({ values, showUser }: { values: SessionFilterValues; showUser: boolean }) {
  return (
    <form method="get" action="/sessions" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-label="Filter sessions">
      <div className="flex flex-wrap items-end gap-3">
        <Field id="sessions-q" label="Search" className="min-w-72 flex-1" hint='Words in the statements; "a phrase", -word, or'>
          <Input id="sessions-q" name="q" type="search" defaultValue={values.q} autoComplete="off" placeholder="delete payments" aria-describedby="sessions-q-hint" />
        </Field>
        <Button type="submit">Search</Button>
        <Link href="/sessions" className={buttonClass({ variant: 'ghost' })}>
          Clear
        </Link>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        {showUser ? (
          <Field id="sessions-user" label="User" className="w-56">
            <Input id="sessions-user" name="user" defaultValue={values.user} autoComplete="off" placeholder="e-mail or user id" />
          </Field>
        ) : null}
        <Field id="sessions-token" label="Token id" className="w-72">
          <Input id="sessions-token" name="token" defaultValue={values.token} autoComplete="off" placeholder="any token" />
        </Field>
        <Field id="sessions-target" label="Target" className="w-44">
          <Input id="sessions-target" name="target" defaultValue={values.target} autoComplete="off" placeholder="any target" />
        </Field>
        <Field id="sessions-from" label="Started from (UTC)" className="w-52">
          <Input id="sessions-from" name="from" type="datetime-local" defaultValue={localValue(values.from)} />
        </Field>
        <Field id="sessions-to" label="Started until (UTC)" className="w-52">
          <Input id="sessions-to" name="to" type="datetime-local" defaultValue={localValue(values.to)} />
        </Field>
        <Field id="sessions-status" label="Status" className="w-40">
          <Select id="sessions-status" name="status" options={STATUS_OPTIONS} defaultValue={values.status ?? ''} />
        </Field>
        <Field id="sessions-end-reason" label="End reason" className="w-48">
          <Input id="sessions-end-reason" name="endReason" defaultValue={values.endReason} autoComplete="off" placeholder="e.g. terminated" />
        </Field>
      </div>
    </form>
  );
}
