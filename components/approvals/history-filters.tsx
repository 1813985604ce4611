import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select, type SelectOption } from '@/components/ui/select';

type HistoryFiltersProps = {
  statuses: readonly SelectOption[];
  status: string;
  target: string;
};

/** A plain GET form: the filters live in the URL, so a filtered history can be shared and reloaded. */
export function HistoryFilters({ statuses, status, target }: HistoryFiltersProps) {
  return (
    <form method="get" action="/approvals" className="flex flex-wrap items-end gap-3" aria-label="Filter history">
      <input type="hidden" name="view" value="history" />
      <Field id="history-status" label="Status" className="w-44">
        <Select id="history-status" name="status" options={statuses} defaultValue={status} />
      </Field>
      <Field id="history-target" label="Target name" className="w-56">
        <Input id="history-target" name="target" defaultValue={target} autoComplete="off" placeholder="any target" />
      </Field>
      <Button type="submit" variant="secondary">
        Filter
      </Button>
    </form>
  );
}
