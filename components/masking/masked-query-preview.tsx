'use client';

import { startTransition, useActionState, useState, type FormEvent } from 'react';
import type { MaskingRule } from '@/lib/masking/masking-schema';
import type { MaskingPreview } from '@/lib/masking/preview-masked-query';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Field, describedBy, type FormState } from '@/components/ui/field';
import { Select, type SelectOption } from '@/components/ui/select';
import { TEXTAREA_CLASS } from '@/components/ui/textarea-class';
import { PreviewTable } from './preview-table';

type MaskedQueryPreviewProps = {
  targetId: string;
  /** The draft rules, saved or not. */
  rules: readonly MaskingRule[];
  users: SelectOption[];
  defaultUserId: string;
  action: (prev: FormState<MaskingPreview>, formData: FormData) => Promise<FormState<MaskingPreview>>;
};

export function MaskedQueryPreview({ targetId, rules, users, defaultUserId, action }: MaskedQueryPreviewProps) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const [sql, setSql] = useState('');
  const [userId, setUserId] = useState(defaultUserId);
  const errors = state.fieldErrors ?? {};

  // Submitted by hand: a form action would reset the form afterwards, losing the typed SQL.
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formData = new FormData(e.currentTarget);
    startTransition(() => formAction(formData));
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="space-y-4">
        <input type="hidden" name="target" value={targetId} />
        <input type="hidden" name="rules" value={JSON.stringify(rules)} />
        <Field id="preview-sql" label="SELECT to preview">
          <textarea
            id="preview-sql"
            name="sql"
            value={sql}
            onChange={(e) => setSql(e.target.value)}
            placeholder="select * from customers"
            spellCheck={false}
            className={cn(TEXTAREA_CLASS, 'min-h-24 font-mono')}
            aria-invalid={errors.sql ? true : undefined}
            aria-describedby={state.message && !state.ok ? 'preview-error' : undefined}
          />
        </Field>
        <div className="flex flex-wrap items-end gap-3">
          <Field id="preview-user" label="As user" errors={errors.asUserId} className="min-w-64 flex-1">
            <Select
              id="preview-user"
              name="asUserId"
              options={users}
              value={userId}
              onChange={(e) => setUserId(e.target.value)}
              aria-invalid={errors.asUserId ? true : undefined}
              aria-describedby={describedBy('preview-user', { errors: errors.asUserId })}
            />
          </Field>
          <Button type="submit" disabled={pending}>
            {pending ? 'Running…' : 'Run preview'}
          </Button>
        </div>
      </form>
      {state.message && !state.ok && !pending ? (
        <Alert variant="error" id="preview-error">
          {state.message}
        </Alert>
      ) : null}
      {state.ok && state.data ? (
        <div className={cn(pending && 'opacity-50')}>
          <PreviewTable preview={state.data} />
        </div>
      ) : null}
    </div>
  );
}
