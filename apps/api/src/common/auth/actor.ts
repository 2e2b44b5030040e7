import { type Role } from '@tally/domain';
import { type FastifyRequest } from 'fastify';

/** Who is calling: resolved once per request by the AuthGuard. */
export type Actor =
  | {
      kind: 'member';
      id: string;
      role: 'member';
      name: string;
      email: string | null;
      cardNumber: string;
      sessionId: string;
      storeIds: [];
    }
  | {
      kind: 'staff';
      id: string;
      role: Exclude<Role, 'member' | 'pos'>;
      name: string;
      email: string;
      sessionId: string;
      storeIds: string[];
    }
  | { kind: 'pos'; id: string; role: 'pos'; name: string; storeId: string; storeIds: [string] };

/** What every write needs to know about the request for the audit log. */
export interface RequestContext {
  actor: Actor | null;
  ip: string;
  requestId: string;
  userAgent: string | null;
}

const ACTOR = Symbol('tally.actor');

export function setActor(request: FastifyRequest, actor: Actor | null): void {
  (request as unknown as Record<symbol, Actor | null>)[ACTOR] = actor;
}

export function getActor(request: FastifyRequest): Actor | null {
  return (request as unknown as Record<symbol, Actor | null | undefined>)[ACTOR] ?? null;
}

export function requestContext(request: FastifyRequest): RequestContext {
  const agent = request.headers['user-agent'];
  return {
    actor: getActor(request),
    ip: request.ip,
    requestId: String(request.id),
    userAgent: typeof agent === 'string' ? agent.slice(0, 300) : null,
  };
}

/** Admins work in every store; everyone else only in theirs. */
export function worksIn(actor: Actor, storeId: string): boolean {
  return actor.role === 'admin' || (actor.storeIds as readonly string[]).includes(storeId);
}

/** How records name the caller's kind: a POS key is an `api_key`. */
export function actorType(actor: Actor): 'member' | 'staff' | 'api_key' {
  return actor.kind === 'pos' ? 'api_key' : actor.kind;
}

/** Idempotency keys are unique per caller: a till's key never collides with a cashier's. */
export function actorScope(actor: Actor): string {
  return `${actor.kind}:${actor.id}`;
}

/** The caller as the ledger records it on a journal. */
export function ledgerActor(actor: Actor): { type: 'member' | 'staff' | 'api_key'; id: string } {
  return { type: actorType(actor), id: actor.id };
}

/** The staff user behind a request, for `created_by` columns; null for a POS key or a job. */
export const staffIdOf = (ctx: RequestContext): string | null =>
  ctx.actor?.kind === 'staff' ? ctx.actor.id : null;
