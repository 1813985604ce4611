import { Field } from '@/components/ui/field';
import { Select, type SelectOption } from '@/components/ui/select';

type PositionFieldProps = {
  id: string;
  /** How many rules there are; undefined when editing one in place, which shows no field. */
  ruleCount: number | undefined;
  value: string;
  onChange: (value: string) => void;
};

function positionOptions(ruleCount: number): SelectOption[] {
  return Array.from({ length: ruleCount + 1 }, (_, i) => {
    const label = i === 0 ? '1 (first)' : i === ruleCount ? `${i + 1} (last)` : String(i + 1);
    return { value: String(i), label };
  });
}

/** Where a new rule goes, anywhere from first to last; the value is the index it is inserted at. */
export function PositionField({ id, ruleCount, value, onChange }: PositionFieldProps) {
  if (ruleCount === undefined) return null;
  return (
    <Field id={id} label="Position" className="sm:w-48">
      <Select id={id} options={positionOptions(ruleCount)} value={value} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}
