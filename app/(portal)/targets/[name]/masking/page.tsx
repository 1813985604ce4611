import Link from 'next/link';
import { adminTargetPage } from '@/app/_server/admin-target-page';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db/client';
import { ROLES } from '@/lib/db/schema';
import { isAppError } from '@/lib/errors';
import { DETECTORS, MASKING_STRATEGY_TYPES, type MaskingRule } from '@/lib/masking/masking-schema';
import { getTargetMaskingRules } from '@/lib/masking/replace-target-masking';
import { listTargetColumns, type TargetColumn } from '@/lib/targets/list-target-columns';
import { listAccessTokens } from '@/lib/tokens/list-access-tokens';
import { listUsers } from '@/lib/users/list-users';
import { MaskingWorkbench } from '@/components/masking/masking-workbench';
import { userSelectOptions } from '@/components/users/user-options';
import { previewDetectionsAction, previewMaskedQueryAction, saveMaskingRulesAction } from './actions';

export const dynamic = 'force-dynamic';

/** The picker falls back to typing when the target is down; the page itself must still open. */
async function columnsOrReason(actor: Actor, targetId: string): Promise<{ columns: TargetColumn[] | null; columnsError?: string }> {
  try {
    return { columns: await listTargetColumns(getDb(), { actor, idOrName: targetId, timeoutSeconds: 3 }) };
  } catch (e) {
    if (isAppError(e) && e.code === 'UNAVAILABLE') return { columns: null, columnsError: e.message };
    throw e;
  }
}

function referencedTokenIds(rules: MaskingRule[]): Set<string> {
  return new Set(rules.flatMap((r) => r.exempt?.tokenIds ?? []));
}

export default adminTargetPage(async function TargetMaskingPage({ actor, target, db }) {
  const [rules, users, tokens, catalog] = await Promise.all([
    getTargetMaskingRules(db, target.id),
    listUsers(db, { actor }),
    listAccessTokens(db, { actor }),
    columnsOrReason(actor, target.id),
  ]);
  const userOptions = userSelectOptions(users);
  const referenced = referencedTokenIds(rules);
  const tokenOptions = tokens
    .filter((t) => t.status === 'active' || referenced.has(t.id))
    .map((t) => ({ value: t.id, label: `${t.name} (${t.userEmail})${t.status === 'active' ? '' : `, ${t.status}`}` }));
  return (
    <div className="max-w-5xl space-y-4">
      <Link href={`/targets/${encodeURIComponent(target.name)}`} className="text-sm text-slate-500 hover:text-slate-900">
        ← {target.name}
      </Link>
      <h1 className="text-xl font-semibold">Masking for {target.name}</h1>
      <MaskingWorkbench
        targetId={target.id}
        savedRules={rules}
        options={{ roles: ROLES, detectors: DETECTORS, strategies: MASKING_STRATEGY_TYPES, users: userOptions, tokens: tokenOptions, ...catalog }}
        previewUsers={userOptions}
        defaultUserId={actor.id ?? userOptions[0]?.value ?? ''}
        actions={{ save: saveMaskingRulesAction, preview: previewMaskedQueryAction, detect: previewDetectionsAction }}
      />
    </div>
  );
});
