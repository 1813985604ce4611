'use client';

import { useActionState, useState } from 'react';
import type { MaskingRule } from '@/lib/masking/masking-schema';
import type { MaskingPreview } from '@/lib/masking/preview-masked-query';
import { RuleTrialForm } from '@/components/rule-list/rule-trial-form';
import { RunAsField } from '@/components/rule-list/run-as-field';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Field, type FormState } from '@/components/ui/field';
import type { SelectOption } from '@/components/ui/select';
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
  const errors = state.fieldErrors ?? {};

  return (
    <div className="space-y-4">
      <RuleTrialForm action={formAction} targetId={targetId} rules={rules} className="space-y-4">
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
          <RunAsField id="preview-user" label="As user" name="asUserId" users={users} defaultUserId={defaultUserId} errors={errors.asUserId} />
          <Button type="submit" disabled={pending}>
            {pending ? 'Running…' : 'Run preview'}
          </Button>
        </div>
      </RuleTrialForm>
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
