import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AcceptInvitation,
  AcceptInvitationSchema,
  type Audience,
  type LoginRequest,
  LoginRequestSchema,
  type LoginResponse,
  type PasswordResetConfirm,
  PasswordResetConfirmSchema,
  type PasswordResetRequest,
  PasswordResetRequestSchema,
} from '@tally/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, type RequestContext } from '../../common/auth/actor.js';
import { passwordHasher } from '../../common/crypto/password-hasher.js';
import { newSecret, parsePosKey, sameHash, sha256 } from '../../common/crypto/tokens.js';
import { parseOrThrow } from '../../common/pipes/zod-validation.pipe.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { publicUrl } from '../../config/env.schema.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { passwordResetEmail } from '../outbox/templates.js';
import { AuthException } from './auth.errors.js';
import { toActor, toAuthUser } from './auth.mapper.js';
import { AuthRepository, type SubjectRow } from './auth.repository.js';

const ATTEMPT_WINDOW_SECONDS = 15 * 60;
const MAX_ACCOUNT_FAILURES = 5;
const MAX_ADDRESS_FAILURES = 30;
const RESET_TOKEN_SECONDS = 60 * 60;
const INVITATION_TOKEN_SECONDS = 7 * 24 * 60 * 60;
const MAX_RESETS_PER_HOUR = 3;

/**
 * Sign-in, sessions and one-time links. Sessions are opaque random tokens stored as hashes and checked
 * on every request, so logging out or disabling a user takes effect at once.
 */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly repository: AuthRepository,
    private readonly outbox: OutboxService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(input: LoginRequest, ctx: RequestContext): Promise<LoginResponse> {
    const { email, password, audience } = parseOrThrow(LoginRequestSchema, input);
    if (
      (await this.repository.recentAddressFailures(ctx.ip, ATTEMPT_WINDOW_SECONDS)) >= MAX_ADDRESS_FAILURES
    ) {
      throw new AuthException(
        'TOO_MANY_ATTEMPTS',
        'Too many failed sign-ins from this address; try again in 15 minutes.',
      );
    }
    // Counted by email, whether or not an account has it: the answer never tells which emails exist.
    const failures = await this.repository.recentAccountFailures(email, audience, ATTEMPT_WINDOW_SECONDS);
    if (failures.count >= MAX_ACCOUNT_FAILURES) {
      const retryAt = new Date((failures.oldest?.getTime() ?? Date.now()) + ATTEMPT_WINDOW_SECONDS * 1000);
      const minutes = Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 60_000));
      throw new AuthException(
        'TOO_MANY_ATTEMPTS',
        `Too many failed sign-ins; try again in ${minutes} minute(s).`,
      );
    }
    const subject = await this.repository.findByEmail(audience, email);
    const ok = await passwordHasher.verify(subject?.password_hash ?? null, password);
    if (!subject || !ok || subject.status !== 'active') {
      await this.repository.recordAttempt(email, audience, ctx.ip, false);
      throw new AuthException('INVALID_CREDENTIALS');
    }
    await this.repository.recordAttempt(email, audience, ctx.ip, true);
    await this.repository.markLogin(audience, subject.id);
    return this.issueSession(subject, ctx);
  }

  async issueSession(
    subject: SubjectRow,
    ctx: RequestContext,
    manager?: EntityManager,
  ): Promise<LoginResponse> {
    const accessToken = newSecret('tat');
    const refreshToken = newSecret('trt');
    const now = Date.now();
    const accessTokenExpiresAt = new Date(now + this.config.env.ACCESS_TOKEN_TTL_SECONDS * 1000);
    const refreshTokenExpiresAt = new Date(now + this.config.env.REFRESH_TOKEN_TTL_SECONDS * 1000);
    await this.repository.createSession(
      {
        subjectType: subject.subject_type,
        subjectId: subject.id,
        accessHash: sha256(accessToken),
        accessExpiresAt: accessTokenExpiresAt,
        refreshHash: sha256(refreshToken),
        refreshExpiresAt: refreshTokenExpiresAt,
        ip: ctx.ip,
        userAgent: ctx.userAgent,
      },
      manager,
    );
    return {
      accessToken,
      accessTokenExpiresAt: accessTokenExpiresAt.toISOString(),
      refreshToken,
      refreshTokenExpiresAt: refreshTokenExpiresAt.toISOString(),
      user: toAuthUser(subject),
    };
  }

  /** Swaps a refresh token for a new pair; a replayed (already rotated) token ends the session. */
  async refresh(refreshToken: string | undefined): Promise<LoginResponse> {
    if (!refreshToken) throw new AuthException('UNAUTHENTICATED', 'No refresh token was sent.');
    const hash = sha256(refreshToken);
    const session = await this.repository.sessionByRefreshHash(hash);
    if (!session) {
      const replayed = await this.repository.sessionByPreviousRefreshHash(hash);
      if (replayed) {
        await this.repository.revokeSession(replayed.id, 'refresh token replayed');
        this.logger.warn(`refresh token replay on session ${replayed.id}: session revoked`);
      }
      throw new AuthException('UNAUTHENTICATED', 'The session has ended; sign in again.');
    }
    if (session.revoked_at || session.refresh_expires_at.getTime() <= Date.now()) {
      throw new AuthException('UNAUTHENTICATED', 'The session has ended; sign in again.');
    }
    const subject = await this.repository.findSubject(session.subject_type, session.subject_id);
    if (!subject || subject.status !== 'active') {
      await this.repository.revokeSession(session.id, 'account no longer active');
      throw new AuthException('UNAUTHENTICATED', 'The session has ended; sign in again.');
    }
    const accessToken = newSecret('tat');
    const nextRefresh = newSecret('trt');
    const now = Date.now();
    const accessTokenExpiresAt = new Date(now + this.config.env.ACCESS_TOKEN_TTL_SECONDS * 1000);
    const refreshTokenExpiresAt = new Date(now + this.config.env.REFRESH_TOKEN_TTL_SECONDS * 1000);
    const rotated = await this.repository.rotateSession(session.id, hash, {
      accessHash: sha256(accessToken),
      accessExpiresAt: accessTokenExpiresAt,
      refreshHash: sha256(nextRefresh),
      refreshExpiresAt: refreshTokenExpiresAt,
    });
    if (!rotated) throw new AuthException('UNAUTHENTICATED', 'The session has ended; sign in again.');
    return {
      accessToken,
      accessTokenExpiresAt: accessTokenExpiresAt.toISOString(),
      refreshToken: nextRefresh,
      refreshTokenExpiresAt: refreshTokenExpiresAt.toISOString(),
      user: toAuthUser(subject),
    };
  }

  async logout(actor: Actor): Promise<void> {
    if (actor.kind !== 'pos') await this.repository.revokeSession(actor.sessionId, 'logout');
  }

  /** Resolves a bearer credential (session access token or POS key) to an actor, or null. */
  async authenticate(credential: string): Promise<Actor | null> {
    if (credential.startsWith('tpk_')) return this.authenticatePosKey(credential);
    if (!credential.startsWith('tat_') || credential.length > 100) return null;
    const row = await this.repository.sessionByAccessHash(sha256(credential));
    if (!row || row.revoked_at || row.access_expires_at.getTime() <= Date.now() || row.status !== 'active')
      return null;
    return toActor(row, row.session_id);
  }

  private async authenticatePosKey(credential: string): Promise<Actor | null> {
    const parsed = parsePosKey(credential);
    if (!parsed) return null;
    const key = await this.repository.posKeyByPrefix(parsed.prefix);
    if (!key || key.revoked_at || !sameHash(key.secret_hash, sha256(credential))) return null;
    // Record use at most once a minute, and only write when it is due.
    if (!key.last_used_at || Date.now() - key.last_used_at.getTime() > 60_000)
      await this.repository.touchPosKey(key.id);
    return {
      kind: 'pos',
      id: key.id,
      role: 'pos',
      name: key.name,
      storeId: key.store_id,
      storeIds: [key.store_id],
    };
  }

  /** Always answers the same; sends a link only to an active account, at most 3 an hour. */
  async requestPasswordReset(input: PasswordResetRequest): Promise<void> {
    const { email, audience } = parseOrThrow(PasswordResetRequestSchema, input);
    const subject = await this.repository.findByEmail(audience, email);
    if (!subject || subject.status !== 'active' || !subject.email) return;
    if (
      (await this.repository.recentTokenCount('password_reset', audience, subject.id, 3600)) >=
      MAX_RESETS_PER_HOUR
    )
      return;
    const token = newSecret('tlk');
    const base = publicUrl(this.config.env);
    const link = `${base}${audience === 'staff' ? '/console' : ''}/reset-password?token=${encodeURIComponent(token)}`;
    await this.dataSource.transaction(async (manager) => {
      await this.repository.createToken(manager, {
        purpose: 'password_reset',
        subjectType: audience,
        subjectId: subject.id,
        hash: sha256(token),
        expiresAt: new Date(Date.now() + RESET_TOKEN_SECONDS * 1000),
      });
      await this.outbox.enqueue(
        manager,
        passwordResetEmail(subject.email!, subject.name, link, RESET_TOKEN_SECONDS / 60),
      );
    });
  }

  /** Sets a new password with a single-use link and ends every session of that account. */
  async confirmPasswordReset(input: PasswordResetConfirm): Promise<void> {
    const { token, password } = parseOrThrow(PasswordResetConfirmSchema, input);
    const passwordHash = await passwordHasher.hash(password);
    await this.dataSource.transaction(async (manager) => {
      const used = await this.repository.consumeToken(manager, sha256(token), 'password_reset');
      if (!used)
        throw new AuthException(
          'INVALID_TOKEN',
          'The link has expired or was already used; ask for a new one.',
        );
      await this.repository.setPassword(manager, used.subject_type, used.subject_id, passwordHash);
      await this.repository.revokeSubjectSessions(
        used.subject_type,
        used.subject_id,
        'password reset',
        manager,
      );
    });
  }

  async acceptInvitation(input: AcceptInvitation, ctx: RequestContext): Promise<LoginResponse> {
    const { token, password, name } = parseOrThrow(AcceptInvitationSchema, input);
    const passwordHash = await passwordHasher.hash(password);
    return this.dataSource.transaction(async (manager) => {
      const used = await this.repository.consumeToken(manager, sha256(token), 'invitation');
      if (!used || used.subject_type !== 'staff') {
        throw new AuthException(
          'INVALID_TOKEN',
          'The invitation has expired or was already used; ask an admin for a new one.',
        );
      }
      await this.repository.setPassword(manager, 'staff', used.subject_id, passwordHash);
      if (name) await this.repository.setStaffName(manager, used.subject_id, name);
      const subject = await this.repository.findSubject('staff', used.subject_id, manager);
      if (!subject || subject.status !== 'active') {
        throw new AuthException('INVALID_TOKEN', 'This account is not active; ask an admin.');
      }
      return this.issueSession(subject, ctx, manager);
    });
  }

  invitationExpiry(): Date {
    return new Date(Date.now() + INVITATION_TOKEN_SECONDS * 1000);
  }

  revokeAll(audience: Audience, subjectId: string, reason: string, manager?: EntityManager): Promise<void> {
    return this.repository.revokeSubjectSessions(audience, subjectId, reason, manager);
  }

  createToken(manager: EntityManager, purpose: 'invitation', subjectId: string): Promise<string> {
    const token = newSecret('tlk');
    return this.repository
      .createToken(manager, {
        purpose,
        subjectType: 'staff',
        subjectId,
        hash: sha256(token),
        expiresAt: this.invitationExpiry(),
      })
      .then(() => token);
  }
}
