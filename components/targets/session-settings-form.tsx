'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, describedBy, type FormState } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

type Settings = {
  idleTimeoutSeconds: number | null;
  maxSessionSeconds: number | null;
  strictReads: boolean;
  recordingRows: number;
  retentionDays: number | null;
  approvalWebhookUrl: string | null;
};

type Props = {
  targetId: string;
  settings: Settings;
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
};

/** Idle timeout and maximum length of gateway sessions on this target, what their recordings keep and for how long, strict audit of reads, and the approval webhook. */
export function SessionSettingsForm({ targetId, settings, action }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const errors = state.fieldErrors ?? {};
  const value = (name: string, fallback: number | null) => state.values?.[name] ?? (fallback === null ? '' : String(fallback));
  return (
    <form action={formAction} className="space-y-4">
      {state.message ? <Alert variant={state.ok ? 'success' : 'error'}>{state.message}</Alert> : null}
      <input type="hidden" name="id" value={targetId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="idle-timeout" label="Idle timeout (seconds)" hint="Empty: no limit" errors={errors.idleTimeoutSeconds}>
          <Input id="idle-timeout" name="idleTimeoutSeconds" inputMode="numeric" defaultValue={value('idleTimeoutSeconds', settings.idleTimeoutSeconds)}
            aria-describedby={describedBy('idle-timeout', { hint: true, errors: errors.idleTimeoutSeconds })} />
        </Field>
        <Field id="max-session" label="Maximum session length (seconds)" hint="Empty: no limit" errors={errors.maxSessionSeconds}>
          <Input id="max-session" name="maxSessionSeconds" inputMode="numeric" defaultValue={value('maxSessionSeconds', settings.maxSessionSeconds)}
            aria-describedby={describedBy('max-session', { hint: true, errors: errors.maxSessionSeconds })} />
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="recording-rows" label="Recorded rows per statement" hint="Result rows kept for replay, as the caller saw them (masked); 0 to 1,000. Empty: 20" errors={errors.recordingRows}>
          <Input id="recording-rows" name="recordingRows" inputMode="numeric" defaultValue={value('recordingRows', settings.recordingRows)}
            aria-describedby={describedBy('recording-rows', { hint: true, errors: errors.recordingRows })} />
        </Field>
        <Field id="retention-days" label="Keep recordings (days)" hint="Ended sessions older than this are purged, with an audit event. Empty: forever" errors={errors.retentionDays}>
          <Input id="retention-days" name="retentionDays" inputMode="numeric" defaultValue={value('retentionDays', settings.retentionDays)}
            aria-describedby={describedBy('retention-days', { hint: true, errors: errors.retentionDays })} />
        </Field>
      </div>
      <Field id="approval-webhook" label="Approval webhook URL" hint="New approval requests are posted here (Slack incoming webhooks accept it). Empty: none" errors={errors.approvalWebhookUrl}>
        <Input id="approval-webhook" name="approvalWebhookUrl" type="url" defaultValue={state.values?.approvalWebhookUrl ?? settings.approvalWebhookUrl ?? ''}
          aria-describedby={describedBy('approval-webhook', { hint: true, errors: errors.approvalWebhookUrl })} />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="strictReads" defaultChecked={settings.strictReads} />
        Strict audit: reads also wait until their record is stored
      </label>
      <Button type="submit" disabled={pending}>
        Save session settings
      </Button>
    </form>
  );
}
