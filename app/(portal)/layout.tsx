import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getSessionActor } from '@/app/_server/auth';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { Badge } from '@/components/ui/badge';
import { hasRole } from '@/lib/auth/actor';
import type { Role } from '@/lib/db/schema';

export const dynamic = 'force-dynamic';

const NAV: readonly { href: string; label: string; roles: readonly Role[] | 'any' }[] = [
  { href: '/targets', label: 'Targets', roles: ['admin'] },
  { href: '/approvals', label: 'Approvals', roles: ['approver', 'admin'] },
  { href: '/sessions', label: 'Sessions', roles: 'any' },
  { href: '/audit', label: 'Audit', roles: ['auditor', 'admin'] },
  { href: '/access', label: 'Access', roles: 'any' },
  { href: '/tokens', label: 'Tokens', roles: 'any' },
  { href: '/settings', label: 'Settings', roles: ['admin'] },
  { href: '/users', label: 'Users', roles: ['admin'] },
];

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await getSessionActor();
  if (!actor) redirect('/signin');
  const isAdmin = actor.role === 'admin';
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-6 px-4">
          <Link href="/" className="font-semibold tracking-tight">
            Gatehouse
          </Link>
          <nav aria-label="Main" className="flex items-center gap-1 text-sm">
            {NAV.filter((item) => item.roles === 'any' || hasRole(actor, item.roles)).map((item) => (
              <Link key={item.href} href={item.href} className="rounded-md px-3 py-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="text-slate-600" data-testid="current-user">
              {actor.email}
            </span>
            <Badge variant={isAdmin ? 'info' : 'neutral'}>{actor.role}</Badge>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl space-y-6 px-4 py-8">{children}</main>
    </div>
  );
}
