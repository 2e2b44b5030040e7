import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { can } from '@tally/domain';
import { type FastifyRequest } from 'fastify';
import { AppException } from '../exceptions/app.exception.js';
import { AuthService } from '../../modules/auth/auth.service.js';
import { readAccessCookie } from '../../modules/auth/auth.cookies.js';
import { type Actor, setActor } from './actor.js';
import { PERMISSION_KEY, type RoutePermission } from './permission.decorator.js';

/**
 * Runs before every route: resolves the caller (bearer session token, POS key or session cookie) and
 * enforces the route's declared permission against the matrix in @tally/domain. A route that declares
 * nothing is refused, so forgetting a decorator fails closed (and a test names the route).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const permission = this.reflector.getAllAndOverride<RoutePermission | undefined>(PERMISSION_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!permission) {
      this.logger.error(`route ${request.method} ${request.url} declares no permission: refused`);
      throw new AppException('FORBIDDEN', 'This route declares no permission, so nobody may call it.');
    }
    const actor = await this.resolve(request);
    setActor(request, actor);
    if (permission === 'public') return true;
    if (!actor)
      throw new AppException('UNAUTHENTICATED', 'Sign in, or send a valid bearer token or POS key.');
    if (!can(actor.role, permission)) {
      throw new AppException('FORBIDDEN', `The ${actor.role} role may not do this (${permission}).`);
    }
    return true;
  }

  private async resolve(request: FastifyRequest): Promise<Actor | null> {
    const header = request.headers.authorization;
    if (typeof header === 'string' && header.length > 0) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      return match ? this.auth.authenticate(match[1]!) : null;
    }
    const cookie = readAccessCookie(request);
    return cookie ? this.auth.authenticate(cookie) : null;
  }
}
