import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getSessionActor } from '@/app/_server/auth';
import { orNotFound } from '@/app/_server/not-found';
import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db/client';
import { ROLES } from '@/lib/db/schema';
import { isAppError } from '@/lib/errors';
import { DETECTORS, MASKING_STRATEGY_TYPES, type MaskingRule } from '@/lib/masking/masking-schema';
import { getTargetMaskingRules } from '@/lib/masking/replace-target-masking';
import { getTarget } from '@/lib/targets/list-targets';
import { listTargetColumns, type TargetColumn } from '@/lib/targets/list-target-columns';
import { listAccessTokens } from '@/lib/tokens/list-access-tokens';
import { listUsers } from '@/lib/users/list-users';
import { AdminsOnly } from '@/components/auth/admins-only';
import { MaskingWorkbench } from '@/components/masking/masking-workbench';
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

export default async function TargetMaskingPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const actor = await getSessionActor();
  if (!actor) redirect('/signin');
  if (actor.role !== 'admin') return <AdminsOnly role={actor.role} />;
  const db = getDb();
  const target = await orNotFound(getTarget(db, { actor, idOrName: name }));
  const [rules, users, tokens, catalog] = await Promise.all([
    getTargetMaskingRules(db, target.id),
    listUsers(db, { actor }),
    listAccessTokens(db, { actor }),
    columnsOrReason(actor, target.id),
  ]);
  const userOptions = users.map((u) => ({ value: u.id, label: `${u.email} (${u.role})${u.disabledAt ? ', disabled' : ''}` }));
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
}
