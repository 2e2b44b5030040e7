import { type Audience, type LoginResponse } from '@tally/domain';
import { type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * Browser sessions live in httpOnly cookies, one pair per app, so a member signed in to the portal and
 * a cashier signed in to the console in the same browser do not sign each other out. The front ends say
 * which app they are with the `x-tally-client` header.
 */
const NAMES: Record<Audience, { access: string; refresh: string }> = {
  member: { access: 'tally_member_at', refresh: 'tally_member_rt' },
  staff: { access: 'tally_staff_at', refresh: 'tally_staff_rt' },
};
const REFRESH_PATH = '/api/v1/auth';

type CookieReply = FastifyReply & {
  setCookie(name: string, value: string, options: Record<string, unknown>): FastifyReply;
  clearCookie(name: string, options: Record<string, unknown>): FastifyReply;
};
type CookieRequest = FastifyRequest & { cookies?: Record<string, string | undefined> };

export function clientAudience(request: FastifyRequest): Audience | null {
  const client = request.headers['x-tally-client'];
  if (client === 'console') return 'staff';
  if (client === 'portal') return 'member';
  return null;
}

export function readAccessCookie(request: FastifyRequest): string | undefined {
  const cookies = (request as CookieRequest).cookies ?? {};
  const audience = clientAudience(request);
  if (audience) return cookies[NAMES[audience].access];
  return cookies[NAMES.staff.access] ?? cookies[NAMES.member.access];
}

export function readRefreshCookie(request: FastifyRequest, audience: Audience): string | undefined {
  return (request as CookieRequest).cookies?.[NAMES[audience].refresh];
}

export function setSessionCookies(
  reply: FastifyReply,
  audience: Audience,
  session: LoginResponse,
  secure: boolean,
): void {
  const base = { httpOnly: true, sameSite: 'lax', secure };
  const r = reply as CookieReply;
  r.setCookie(NAMES[audience].access, session.accessToken, {
    ...base,
    path: '/api',
    expires: new Date(session.accessTokenExpiresAt),
  });
  r.setCookie(NAMES[audience].refresh, session.refreshToken, {
    ...base,
    path: REFRESH_PATH,
    expires: new Date(session.refreshTokenExpiresAt),
  });
}

export function clearSessionCookies(reply: FastifyReply, audience: Audience, secure: boolean): void {
  const r = reply as CookieReply;
  r.clearCookie(NAMES[audience].access, { path: '/api', httpOnly: true, sameSite: 'lax', secure });
  r.clearCookie(NAMES[audience].refresh, { path: REFRESH_PATH, httpOnly: true, sameSite: 'lax', secure });
}
