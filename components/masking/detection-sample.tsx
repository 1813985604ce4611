'use client';

import { useActionState, useState } from 'react';
import type { MaskingRule } from '@/lib/masking/masking-schema';
import type { DetectionPreview } from '@/lib/masking/preview-detections';
import { RuleTrialForm } from '@/components/rule-list/rule-trial-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Field, describedBy, type FormState } from '@/components/ui/field';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { TEXTAREA_CLASS } from '@/components/ui/textarea-class';

type DetectionSampleProps = {
  targetId: string;
  /** The draft rules, saved or not. */
  rules: readonly MaskingRule[];
  action: (prev: FormState<DetectionPreview[]>, formData: FormData) => Promise<FormState<DetectionPreview[]>>;
};

export function DetectionSample({ targetId, rules, action }: DetectionSampleProps) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const [text, setText] = useState('');
  const errors = state.fieldErrors?.text;

  return (
    <div className="space-y-4">
      <RuleTrialForm action={formAction} targetId={targetId} rules={rules} className="space-y-3">
        <Field id="sample-text" label="Sample text" errors={errors} hint="At most 10,000 characters; nothing is stored or sent to the target.">
          <textarea
            id="sample-text"
            name="text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Paid with 4111 1111 1111 1111, receipt to jane@example.com"
            spellCheck={false}
            className={cn(TEXTAREA_CLASS, 'min-h-20')}
            aria-invalid={errors ? true : undefined}
            aria-describedby={describedBy('sample-text', { hint: true, errors })}
          />
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? 'Scanning…' : 'Scan sample'}
        </Button>
      </RuleTrialForm>
      {state.message && !state.ok && !errors && !pending ? <Alert variant="error">{state.message}</Alert> : null}
      {state.ok && state.data ? <Findings findings={state.data} isStale={pending} /> : null}
    </div>
  );
}

function Findings({ findings, isStale }: { findings: DetectionPreview[]; isStale: boolean }) {
  if (findings.length === 0) return <Alert variant="info">No enabled detector or regex rule found anything in this text.</Alert>;
  return (
    <div className={cn(isStale && 'opacity-50')}>
      <Table data-testid="detection-findings">
        <TableHeader>
          <TableRow>
            <TableHead>Rule</TableHead>
            <TableHead>Found</TableHead>
            <TableHead>Becomes</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {findings.map((f, i) => (
            <TableRow key={i}>
              <TableCell>
                <span className="font-medium">{f.ruleName}</span>
                <span className="block text-xs text-slate-500">{f.label}</span>
              </TableCell>
              <TableCell className="font-mono text-xs">{f.found}</TableCell>
              <TableCell className="font-mono text-xs">{f.masked}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
