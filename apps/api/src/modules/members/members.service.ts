import { toCsv } from '../../common/csv.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  cardNumberFromDigits,
  type CloseAccount,
  CloseAccountSchema,
  type Member,
  type MemberBalance,
  type MemberExport,
  type MeResponse,
  type PointsSummary,
  type SignUpRequest,
  SignUpRequestSchema,
  type StatementLine,
  type StatementPage,
  type StatementQuery,
  StatementQuerySchema,
  type UpdateProfile,
  UpdateProfileSchema,
} from '@tally/domain';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { type Actor, type RequestContext } from '../../common/auth/actor.js';
import { passwordHasher } from '../../common/crypto/password-hasher.js';
import { randomDigits } from '../../common/crypto/tokens.js';
import { AppException, ValidationException } from '../../common/exceptions/app.exception.js';
import { parseOrThrow } from '../../common/pipes/zod-validation.pipe.js';
import { AuditService } from '../audit/audit.service.js';
import { AuthService } from '../auth/auth.service.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { ProgrammeService } from '../programme/programme.service.js';
import { ReferralsService } from '../referrals/referrals.service.js';
import { toMember } from './members.mapper.js';
import { type MemberRow, MembersRepository } from './members.repository.js';

const CARD_ATTEMPTS = 5;

@Injectable()
export class MembersService {
  constructor(
    private readonly repository: MembersRepository,
    private readonly ledger: LedgerService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxRepository,
    private readonly programmes: ProgrammeService,
    private readonly referrals: ReferralsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Sign-up by the member, or enrolment by staff or a till (then audited with the store). With a
   * referral code the referral is recorded in the same transaction; an unknown code refuses it all.
   */
  async signUp(input: SignUpRequest, ctx: RequestContext): Promise<Member> {
    const data = parseOrThrow(SignUpRequestSchema, input);
    const passwordHash = await passwordHasher.hash(data.password);
    return this.dataSource.transaction(async (manager) => {
      for (let attempt = 0; attempt < CARD_ATTEMPTS; attempt += 1) {
        const result = await this.repository.insert(manager, {
          cardNumber: cardNumberFromDigits(randomDigits(11)),
          email: data.email,
          passwordHash,
          name: data.name,
          phone: data.phone ?? null,
          birthday: data.birthday ?? null,
          marketingConsent: data.marketingConsent,
        });
        if ('conflict' in result) {
          if (result.conflict === 'email') {
            throw new AppException(
              'EMAIL_TAKEN',
              'Sign in instead, or reset the password if it is forgotten.',
              [{ field: 'email', message: 'is already registered' }],
            );
          }
          continue;
        }
        if (data.referralCode) {
          await this.referrals.recordSignUp(
            manager,
            { id: result.row.id, email: data.email, phone: data.phone ?? null },
            data.referralCode,
          );
        }
        if (ctx.actor && ctx.actor.kind !== 'member') {
          await this.audit.record(manager, ctx, {
            action: 'member.enrolled',
            targetType: 'member',
            targetId: result.row.id,
            summary: { cardNumber: result.row.card_number, marketingConsent: data.marketingConsent },
            storeId: ctx.actor.kind === 'pos' ? ctx.actor.storeId : (ctx.actor.storeIds[0] ?? null),
          });
        }
        return toMember(result.row);
      }
      throw new Error(`no free card number after ${CARD_ATTEMPTS} attempts`);
    });
  }

  async me(actor: Actor): Promise<MeResponse> {
    const row = await this.activeMember(actor);
    return {
      ...toMember(row),
      balance: await this.ledger.balance(row.id),
      tier: await this.programmes.tierOf(row.id),
      tierChanges: await this.programmes.tierChanges(row.id),
    };
  }

  /** The home page's numbers: balance, pending by day, expiring soon, tier progress. */
  async pointsSummary(actor: Actor, now = new Date()): Promise<PointsSummary> {
    const row = await this.activeMember(actor);
    const { inactivityMonths } = await this.programmes.get();
    const { pending, expiring } = await this.ledger.lotOutlook(row.id, now, { inactivityMonths });
    return {
      asOf: now.toISOString(),
      balance: await this.ledger.balance(row.id),
      pending,
      expiring,
      tier: await this.programmes.tierProgress(row.id),
    };
  }

  async updateMe(actor: Actor, input: UpdateProfile): Promise<MeResponse> {
    const changes = parseOrThrow(UpdateProfileSchema, input);
    await this.activeMember(actor);
    await this.dataSource.transaction((manager) => this.repository.update(manager, actor.id, changes));
    return this.me(actor);
  }

  async statement(actor: Actor, query: StatementQuery): Promise<StatementPage> {
    const q = parseOrThrow(StatementQuerySchema, query, ['query']);
    const row = await this.activeMember(actor);
    return this.ledger.statement(row.id, q, { kinds: q.kind?.split(','), from: q.from, to: q.to });
  }

  /** The whole history as CSV (newest first), for the member's own records. */
  async statementCsv(actor: Actor): Promise<string> {
    const { statement } = await this.export(actor);
    const header = [
      'date',
      'kind',
      'description',
      'points',
      'available',
      'pending',
      'debt',
      'balance_after',
      'receipt',
      'note',
      'expires',
    ];
    const rows = statement.map((l) => [
      l.occurredAt,
      l.kind,
      l.reason.description,
      l.points,
      l.available,
      l.pending,
      l.debt,
      l.availableAfter,
      l.reason.externalRef,
      l.reason.note,
      l.reason.expiresAt,
    ]);
    return toCsv(header, rows);
  }

  /** Everything Tally holds about the member, as JSON. */
  async export(actor: Actor): Promise<MemberExport> {
    const row = await this.activeMember(actor);
    const statement: StatementLine[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.ledger.statement(row.id, { limit: 200, ...(cursor ? { cursor } : {}) });
      statement.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return {
      exportedAt: new Date().toISOString(),
      profile: toMember(row),
      balance: await this.ledger.balance(row.id),
      statement,
    };
  }

  /** Erases personal data and ends every session; the ledger keeps its records under the anonymous id. */
  async close(actor: Actor, input: CloseAccount): Promise<void> {
    const { password } = parseOrThrow(CloseAccountSchema, input);
    const row = await this.activeMember(actor);
    if (!(await passwordHasher.verify(row.password_hash, password))) {
      // 400, not 401: the member is signed in; only this confirmation is wrong.
      throw new ValidationException(
        [{ field: 'password', message: 'is not right' }],
        'The password is not right.',
      );
    }
    await this.dataSource.transaction(async (manager) => {
      const closed = await this.repository.anonymise(manager, row.id, cardNumberFromDigits(randomDigits(11)));
      if (!closed) throw new AppException('ALREADY_DONE', 'This account is already closed.');
      await this.auth.revokeAll('member', row.id, 'account closed', manager);
      if (row.email) {
        await this.outbox.eraseRecipient(manager, row.email);
        await this.repository.forgetLoginAttempts(manager, row.email);
      }
    });
  }

  async balanceOf(memberId: string): Promise<MemberBalance> {
    parseOrThrow(z.uuid('must be a member id'), memberId, ['id']);
    const row = await this.repository.findById(memberId);
    if (!row) throw new AppException('MEMBER_NOT_FOUND');
    return { ...(await this.ledger.balance(memberId)), tier: await this.programmes.tierOf(memberId) };
  }

  private async activeMember(actor: Actor): Promise<MemberRow> {
    const row = actor.kind === 'member' ? await this.repository.findById(actor.id) : undefined;
    if (!row || row.status !== 'active') throw new AppException('UNAUTHENTICATED', 'This account is closed.');
    return row;
  }
}
