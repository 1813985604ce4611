import type { ReactNode } from 'react';
import { redirect } from 'next/navigation';
import type { Actor } from '@/lib/auth/actor';
import { getDb, type Db } from '@/lib/db/client';
import { getTarget } from '@/lib/targets/list-targets';
import type { PublicTarget } from '@/lib/targets/public-target';
import { AdminsOnly } from '@/components/auth/admins-only';
import { getSessionActor } from './auth';
import { orNotFound } from './not-found';

type AdminTargetPageContext = { actor: Actor; target: PublicTarget; db: Db };

/**
 * An admin page about one target, opened the same way each time: a signed-out visitor is sent to
 * sign in, anyone but an admin sees the refusal and none of the data, an unknown target is a 404.
 */
export function adminTargetPage(render: (context: AdminTargetPageContext) => Promise<ReactNode>) {
  return async function AdminTargetPage({ params }: { params: Promise<{ name: string }> }): Promise<ReactNode> {
    const { name } = await params;
    const actor = await getSessionActor();
    if (!actor) redirect('/signin');
    if (actor.role !== 'admin') return <AdminsOnly role={actor.role} />;
    const db = getDb();
    const target = await orNotFound(getTarget(db, { actor, idOrName: name }));
    return render({ actor, target, db });
  };
}
