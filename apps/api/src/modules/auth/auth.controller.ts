import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  AcceptedSchema,
  AcceptInvitationSchema,
  type Audience,
  type AuthUser,
  AuthUserSchema,
  LoginRequestSchema,
  type LoginResponse,
  LoginResponseSchema,
  PasswordResetConfirmSchema,
  PasswordResetRequestSchema,
  RefreshRequestSchema,
} from '@tally/domain';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { type Actor, type RequestContext } from '../../common/auth/actor.js';
import { Ctx, CurrentActor, Public, RequirePermission } from '../../common/auth/permission.decorator.js';
import { ApiDoc } from '../../common/decorators/api-doc.decorator.js';
import { parseOrThrow } from '../../common/pipes/zod-validation.pipe.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { cookiesSecure } from '../../config/env.schema.js';
import { clearSessionCookies, clientAudience, readRefreshCookie, setSessionCookies } from './auth.cookies.js';
import { actorToAuthUser } from './auth.mapper.js';
import { AuthService } from './auth.service.js';

@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get secure(): boolean {
    return cookiesSecure(this.config.env);
  }

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiDoc({
    summary: 'Sign in (members by default, staff with audience "staff")',
    description:
      'Returns bearer tokens and sets httpOnly session cookies for the browser apps. Wrong email or password: 401 INVALID_CREDENTIALS, never saying which; repeated failures: 429.',
    tags: ['auth'],
    body: LoginRequestSchema,
    responses: { 200: LoginResponseSchema },
  })
  async login(
    @Body() body: unknown,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const session = await this.auth.login(body as never, ctx);
    setSessionCookies(reply, audienceOf(session.user.role), session, this.secure);
    return session;
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiDoc({
    summary: 'Swap a refresh token (body or cookie) for new tokens',
    description: 'Refresh tokens rotate: each works once; replaying an old one ends the session.',
    tags: ['auth'],
    body: RefreshRequestSchema,
    responses: { 200: LoginResponseSchema },
  })
  async refresh(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const input = parseOrThrow(RefreshRequestSchema, body ?? {});
    const audience = input.audience ?? clientAudience(request) ?? 'member';
    const session = await this.auth.refresh(input.refreshToken ?? readRefreshCookie(request, audience));
    setSessionCookies(reply, audienceOf(session.user.role), session, this.secure);
    return session;
  }

  @Post('logout')
  @HttpCode(204)
  @RequirePermission('session:own')
  @ApiDoc({ summary: 'End this session at once', tags: ['auth'], responses: { 204: null } })
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(actor);
    clearSessionCookies(reply, actor.kind === 'member' ? 'member' : 'staff', this.secure);
  }

  @Get('session')
  @RequirePermission('session:own')
  @ApiDoc({ summary: 'Who is signed in', tags: ['auth'], responses: { 200: AuthUserSchema } })
  session(@CurrentActor() actor: Actor): AuthUser {
    return actorToAuthUser(actor);
  }

  @Post('password-reset')
  @HttpCode(202)
  @Public()
  @ApiDoc({
    summary: 'Email a single-use password reset link',
    description: 'Always answers 202, whether or not the email has an account.',
    tags: ['auth'],
    body: PasswordResetRequestSchema,
    responses: { 202: AcceptedSchema },
  })
  async requestReset(@Body() body: unknown): Promise<{ accepted: true; message: string }> {
    await this.auth.requestPasswordReset(body as never);
    return { accepted: true, message: 'If an account uses this email, a reset link is on its way.' };
  }

  @Post('password-reset/confirm')
  @HttpCode(204)
  @Public()
  @ApiDoc({
    summary: 'Set a new password with a reset link; ends every session of the account',
    tags: ['auth'],
    body: PasswordResetConfirmSchema,
    responses: { 204: null },
  })
  async confirmReset(@Body() body: unknown): Promise<void> {
    await this.auth.confirmPasswordReset(body as never);
  }

  @Post('invitation/accept')
  @HttpCode(200)
  @Public()
  @ApiDoc({
    summary: 'Accept a staff invitation: set a password and sign in',
    tags: ['auth'],
    body: AcceptInvitationSchema,
    responses: { 200: LoginResponseSchema },
  })
  async acceptInvitation(
    @Body() body: unknown,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const session = await this.auth.acceptInvitation(body as never, ctx);
    setSessionCookies(reply, 'staff', session, this.secure);
    return session;
  }
}

function audienceOf(role: string): Audience {
  return role === 'member' ? 'member' : 'staff';
}
