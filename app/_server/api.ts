import { NextResponse } from 'next/server';
import { getDb } from '@/lib/db/client';
import type { Role } from '@/lib/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { hasRole } from '@/lib/auth/actor';
import { authenticateCaller } from '@/lib/auth/authenticate-caller';
import { AppError, isAppError } from '@/lib/errors';
import { getSessionActor, requestAddress } from './auth';

type RouteContext = { params: Promise<Record<string, string>> };
type Handler = (req: Request, ctx: { actor: Actor; params: Record<string, string> }) => Promise<unknown>;

export function errorResponse(e: AppError): NextResponse {
  return NextResponse.json({ error: { code: e.code, message: e.message, fieldErrors: e.fieldErrors } }, { status: e.status });
}

async function resolveActor(req: Request): Promise<Actor> {
  const header = req.headers.get('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError('UNAUTHORIZED', 'Authorization must be "Bearer <access token or JWT>"');
    const { actor } = await authenticateCaller(getDb(), match[1]!);
    return { ...actor, address: requestAddress(req.headers) };
  }
  const actor = await getSessionActor();
  if (!actor) throw new AppError('UNAUTHORIZED', 'Sign in or send Authorization: Bearer <access token or JWT>');
  if (!['GET', 'HEAD'].includes(req.method)) assertSameOrigin(req);
  return actor;
}

/** Cookie-authenticated writes must come from our own pages: a cross-site form cannot forge them. */
function assertSameOrigin(req: Request): void {
  const origin = req.headers.get('origin');
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  if (!origin || !host || new URL(origin).host !== host) {
    throw new AppError('FORBIDDEN', 'Cross-origin request refused; use a Bearer token for scripts');
  }
}

export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new AppError('BAD_REQUEST', 'The request body must be JSON');
  }
}

/**
 * Every /api/v1 handler goes through this: authenticate (Bearer token or session), check the role,
 * map AppError to its status. 401 and 403 are JSON like every other error.
 */
export function apiRoute(roles: readonly Role[] | 'any', handler: Handler) {
  return async (req: Request, context: RouteContext): Promise<Response> => {
    try {
      const actor = await resolveActor(req);
      if (roles !== 'any' && !hasRole(actor, roles)) {
        throw new AppError('FORBIDDEN', `This needs the ${roles.join(' or ')} role; you are ${actor.role}`);
      }
      const result = await handler(req, { actor, params: (await context.params) ?? {} });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (e) {
      if (isAppError(e)) return errorResponse(e);
      console.error('api handler failed', e);
      return NextResponse.json({ error: { code: 'INTERNAL', message: 'Internal error; nothing was changed' } }, { status: 500 });
    }
  };
}
