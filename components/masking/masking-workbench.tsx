'use client';

import type { MaskingRule } from '@/lib/masking/masking-schema';
import type { MaskingPreview } from '@/lib/masking/preview-masked-query';
import type { DetectionPreview } from '@/lib/masking/preview-detections';
import { useRuleListDraft } from '@/components/rule-list/use-rule-list-draft';
import type { SaveRulesAction } from '@/components/rule-list/use-rule-list-editor';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { FormState } from '@/components/ui/field';
import type { SelectOption } from '@/components/ui/select';
import { DetectionSample } from './detection-sample';
import { MaskedQueryPreview } from './masked-query-preview';
import type { MaskingOptions } from './masking-rule-draft';
import { MaskingRulesEditor } from './masking-rules-editor';

type MaskingWorkbenchProps = {
  targetId: string;
  savedRules: MaskingRule[];
  options: MaskingOptions;
  previewUsers: SelectOption[];
  defaultUserId: string;
  actions: {
    save: SaveRulesAction<MaskingRule>;
    preview: (prev: FormState<MaskingPreview>, formData: FormData) => Promise<FormState<MaskingPreview>>;
    detect: (prev: FormState<DetectionPreview[]>, formData: FormData) => Promise<FormState<DetectionPreview[]>>;
  };
};

/** The draft list is shared: both previews run the rules as they stand in the editor, saved or not. */
export function MaskingWorkbench({ targetId, savedRules, options, previewUsers, defaultUserId, actions }: MaskingWorkbenchProps) {
  const draft = useRuleListDraft(savedRules);
  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle>Masking rules</CardTitle>
          <CardDescription>
            A column rule masks that column wherever it leaves the target, through views, aliases and expressions; for each column the
            first enabled rule that applies to the caller counts. Detector and regex rules mask what they find in any text value.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <MaskingRulesEditor targetId={targetId} draft={draft} options={options} action={actions.save} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Preview</CardTitle>
          <CardDescription>
            Runs one SELECT on the target (read only, first 50 rows) and masks the result with the rules above, unsaved changes
            included, as the chosen user would see it through the gateway.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <MaskedQueryPreview targetId={targetId} rules={draft.rules} users={previewUsers} defaultUserId={defaultUserId} action={actions.preview} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Sample text</CardTitle>
          <CardDescription>What the enabled detector and regex rules above find in a piece of text, and what each finding becomes.</CardDescription>
        </CardHeader>
        <CardContent>
          <DetectionSample targetId={targetId} rules={draft.rules} action={actions.detect} />
        </CardContent>
      </Card>
    </>
  );
}
