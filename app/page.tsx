import { redirect } from 'next/navigation';
import { getSessionActor } from '@/app/_server/auth';

export const dynamic = 'force-dynamic';

export default async function Home() {
  const actor = await getSessionActor();
  if (!actor) redirect('/signin');
  redirect(actor.role === 'admin' ? '/targets' : '/tokens');
}
