'use client';

import { useState } from 'react';
import type { TargetColumn } from '@/lib/targets/list-target-columns';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select, type SelectOption } from '@/components/ui/select';

type ColumnPickerProps = {
  id: string;
  /** 'schema.table.column', or '' while nothing is chosen. */
  value: string;
  onChange: (column: string) => void;
  columns: readonly TargetColumn[] | null;
  columnsError?: string;
};

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

function withPlaceholder(placeholder: string, options: SelectOption[]): SelectOption[] {
  return [{ value: '', label: placeholder }, ...options];
}

/**
 * Schema, then table, then column, from the target's real catalog; or the name typed by hand when
 * the catalog could not be read or the column is not in it (yet).
 */
export function ColumnPicker({ id, value, onChange, columns, columnsError }: ColumnPickerProps) {
  const [initialSchema, initialTable, initialColumn] = value.split('.');
  const isKnown = Boolean(columns?.some((c) => `${c.schema}.${c.table}.${c.column}` === value));
  const [isTyping, setTyping] = useState(columns === null || (value !== '' && !isKnown));
  const hasPublic = Boolean(columns?.some((c) => c.schema === 'public'));
  const [schema, setSchema] = useState(isKnown ? initialSchema! : hasPublic ? 'public' : '');
  const [table, setTable] = useState(isKnown ? initialTable! : '');

  if (columns === null || isTyping) {
    return (
      <div className="space-y-2">
        {columns === null ? (
          <Alert variant="info">
            The target&apos;s schema could not be read{columnsError ? ` (${columnsError})` : ''}. Type the column as schema.table.column.
          </Alert>
        ) : null}
        <Field id={`${id}-column`} label="Column" hint="schema.table.column, as PostgreSQL stores the names (unquoted names are lower case).">
          <Input
            id={`${id}-column`}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            placeholder="public.customers.email"
            autoComplete="off"
            className="font-mono"
            aria-describedby={`${id}-column-hint`}
          />
        </Field>
        {columns !== null ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              if (!isKnown) onChange('');
              setTyping(false);
            }}
          >
            Choose from the target&apos;s schema
          </Button>
        ) : null}
      </div>
    );
  }

  const schemas = unique(columns.map((c) => c.schema)).map((s) => ({ value: s, label: s }));
  const tables = unique(columns.filter((c) => c.schema === schema).map((c) => c.table)).map((t) => ({ value: t, label: t }));
  const choices = columns.filter((c) => c.schema === schema && c.table === table).map((c) => ({ value: c.column, label: `${c.column} (${c.type})` }));
  const column = isKnown && initialSchema === schema && initialTable === table ? initialColumn! : '';

  return (
    <div className="space-y-2">
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={`${id}-schema`} label="Schema">
          <Select
            id={`${id}-schema`}
            options={withPlaceholder('Choose a schema…', schemas)}
            value={schema}
            onChange={(e) => {
              setSchema(e.target.value);
              setTable('');
              onChange('');
            }}
          />
        </Field>
        <Field id={`${id}-table`} label="Table">
          <Select
            id={`${id}-table`}
            options={withPlaceholder(schema ? 'Choose a table or view…' : 'Choose a schema first', tables)}
            value={table}
            disabled={!schema}
            onChange={(e) => {
              setTable(e.target.value);
              onChange('');
            }}
          />
        </Field>
        <Field id={`${id}-column`} label="Column">
          <Select
            id={`${id}-column`}
            options={withPlaceholder(table ? 'Choose a column…' : 'Choose a table first', choices)}
            value={column}
            disabled={!table}
            onChange={(e) => onChange(e.target.value ? `${schema}.${table}.${e.target.value}` : '')}
          />
        </Field>
      </div>
      <Button size="sm" variant="ghost" onClick={() => setTyping(true)}>
        Type a column name instead
      </Button>
    </div>
  );
}
