import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { type Permission } from '@tally/domain';
import { type FastifyRequest } from 'fastify';
import { type Actor, getActor, requestContext, type RequestContext } from './actor.js';

export const PERMISSION_KEY = 'tally:permission';
export type RoutePermission = Permission | 'public';

/** Every route declares who may call it; the AuthGuard refuses a route that declares nothing. */
export const RequirePermission = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);
export const Public = () => SetMetadata(PERMISSION_KEY, 'public' satisfies RoutePermission);

/** The request's actor, context (actor, address, request id) for services and the audit log. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext =>
  requestContext(context.switchToHttp().getRequest<FastifyRequest>()),
);

/** The authenticated actor (the route's permission guarantees there is one). */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = getActor(context.switchToHttp().getRequest<FastifyRequest>());
  if (!actor) throw new Error('CurrentActor used on a route without an authenticated permission');
  return actor;
});
