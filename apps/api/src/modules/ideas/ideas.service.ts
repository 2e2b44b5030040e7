import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApproveIdeaSchema,
  can,
  cappedBonus,
  ChangeIdeaStatusSchema,
  CreateIdeaCommentSchema,
  DeclineSpamSchema,
  FlagIdeaSchema,
  flagsReturnToReview,
  type Idea,
  type IdeaRewards,
  IDEA_COMMENTS_PER_HOUR,
  IDEA_SUBMISSIONS_PER_HOUR,
  IDEA_TRENDING_DAYS,
  type IdeaComment,
  type IdeaCommentPage,
  IdeaCommentQuerySchema,
  type IdeaDetail,
  type IdeaFlagResult,
  IdeaListQuerySchema,
  type IdeaMergeResult,
  type IdeaPage,
  type IdeaRewardKind,
  type IdeaState,
  ideaStateLabel,
  ideaTransition,
  isOpenState,
  isPublicState,
  isVotable,
  lotExpiry,
  MergeIdeaSchema,
  type ModerationQueuePage,
  ModerationQueueQuerySchema,
  type MyImpact,
  quarterStart,
  type Roadmap,
  type ShippedWallPage,
  ShippedWallQuerySchema,
  type SimilarIdeas,
  SimilarIdeasQuerySchema,
  SubmitIdeaSchema,
  UpdateIdeaTagsSchema,
} from '@tally/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { type Actor, ledgerActor, type RequestContext } from '../../common/auth/actor.js';
import { AppException, RateLimitedException } from '../../common/exceptions/app.exception.js';
import { decodeIdCursor, encodeIdCursor } from '../../common/pagination/id-cursor.js';
import { parseOrThrow } from '../../common/pipes/zod-validation.pipe.js';
import { AuditService } from '../audit/audit.service.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { ideaMergedNotice, ideaStatusChangedNotice } from '../notifications/notification-texts.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { ProgrammeService } from '../programme/programme.service.js';
import { WebhookEventsService } from '../webhooks/webhook-events.service.js';
import { ideaDigestEmail } from './ideas-digest.email.js';
import {
  decodeListCursor,
  encodeListCursor,
  toComment,
  toIdea,
  toReward,
  toStatusChange,
  toSummary,
} from './ideas.mapper.js';
import { type IdeaRow, IdeasRepository } from './ideas.repository.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** What browsing shows when no state is asked for: every public state but declined and merged ones. */
const DEFAULT_LIST_STATES: IdeaState[] = ['open', 'under_review', 'planned', 'in_progress', 'shipped'];
const SYSTEM_ACTOR = { type: 'system', id: 'ideas' } as const;

/** A state change as `applyChange` records it. */
interface Change {
  ideaId: string;
  from: IdeaState;
  to: IdeaState;
  response: string;
  /** The staff user who made it; null when members' flags sent the idea back to review. */
  ctx: RequestContext;
  duplicateOf?: string | null;
}

/**
 * The ideas board: members submit, vote, follow, comment and flag; staff moderate and move ideas
 * through the domain's state machine (`ideaTransition`). Every state change is one transaction that
 * records who, when and the public response, tells followers in-app, queues the `idea.status_changed`
 * webhook and pays or cancels the author's bonuses through the ledger. Nothing is earned for posting or
 * voting.
 */
@Injectable()
export class IdeasService {
  constructor(
    private readonly repository: IdeasRepository,
    private readonly ledger: LedgerService,
    private readonly programmes: ProgrammeService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly outbox: OutboxService,
    private readonly webhooks: WebhookEventsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  // ---- members ----

  /** New or untrusted authors' ideas wait for review; trusted authors' ideas open at once. */
  async submit(actor: Actor, input: unknown): Promise<Idea> {
    const body = parseOrThrow(SubmitIdeaSchema, input ?? {});
    const member = await this.activeMember(actor);
    const now = Date.now();
    const id = await this.dataSource.transaction(async (manager) => {
      await this.repository.lockMember(manager, 'idea-submit', actor.id);
      await this.rateLimit(manager, 'idea', actor.id, IDEA_SUBMISSIONS_PER_HOUR, now, 'ideas');
      const same = await this.repository.sameText(manager, actor.id, body.title, body.description);
      if (same) throw alreadySubmitted(same);
      const state: IdeaState = member.ideas_trusted ? 'open' : 'pending_review';
      const ideaId = await this.repository.insertIdea(manager, { authorId: actor.id, ...body, state });
      if (!ideaId)
        throw alreadySubmitted(
          await this.repository.sameText(manager, actor.id, body.title, body.description),
        );
      await this.repository.recordChange(manager, {
        ideaId,
        from: null,
        to: state,
        response:
          state === 'open'
            ? 'Submitted and open for votes.'
            : 'Submitted; it will be open for votes once the team has had a look.',
        staffId: null,
      });
      // The author follows their own idea (they can unfollow); posting earns nothing.
      await this.repository.addFollow(manager, ideaId, actor.id);
      return ideaId;
    });
    return toIdea((await this.repository.idea(id, actor.id))!, true);
  }

  async similar(query: unknown): Promise<SimilarIdeas> {
    const { q } = parseOrThrow(SimilarIdeasQuerySchema, query ?? {}, ['query']);
    const words =
      q
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu)
        ?.slice(0, 8) ?? [];
    if (words.length === 0) return { items: [] };
    // Every word as a prefix (`bag:*` matches "bags"), any of them: the rank puts ideas matching more first.
    const rows = await this.repository.similar(words.map((w) => `${w}:*`).join(' | '));
    return { items: rows.map(toSummary) };
  }

  async list(actor: Actor | null, query: unknown): Promise<IdeaPage> {
    const q = parseOrThrow(IdeaListQuerySchema, query ?? {}, ['query']);
    const cursor = q.cursor ? decodeListCursor(q.cursor, q.sort) : null;
    const since = cursor?.since ? new Date(cursor.since) : new Date(Date.now() - IDEA_TRENDING_DAYS * DAY_MS);
    const rows = await this.repository.list({
      viewerId: memberId(actor),
      staff: isModerator(actor),
      states: q.state && q.state.length > 0 ? q.state : DEFAULT_LIST_STATES,
      q: q.q ? q.q : null,
      tag: q.tag ?? null,
      category: q.category ?? null,
      sort: q.sort,
      since,
      after: cursor ? { score: cursor.score, number: cursor.number } : null,
      limit: q.limit + 1,
    });
    const last = rows.length > q.limit ? rows[q.limit - 1] : undefined;
    return {
      items: rows.slice(0, q.limit).map((row) => toIdea(row, reveals(actor, row))),
      nextCursor: last
        ? encodeListCursor({
            sort: q.sort,
            score: last.sort_score ?? '0',
            number: last.number,
            ...(q.sort === 'trending' ? { since: since.toISOString() } : {}),
          })
        : null,
    };
  }

  async detail(actor: Actor | null, id: string): Promise<IdeaDetail> {
    const row = await this.visible(actor, id);
    const [history, comments] = await Promise.all([
      this.repository.statusHistory(id),
      this.comments(actor, id, {}),
    ]);
    return { ...toIdea(row, reveals(actor, row)), statusHistory: history.map(toStatusChange), comments };
  }

  async comments(actor: Actor | null, id: string, query: unknown): Promise<IdeaCommentPage> {
    const q = parseOrThrow(IdeaCommentQuerySchema, query ?? {}, ['query']);
    await this.visible(actor, id);
    const rows = await this.repository.comments(
      id,
      q.cursor ? decodeIdCursor(q.cursor, 'ic') : null,
      q.limit + 1,
    );
    const last = rows.length > q.limit ? rows[q.limit - 1] : undefined;
    return {
      items: rows.slice(0, q.limit).map(toComment),
      nextCursor: last ? encodeIdCursor(last.seq, 'ic') : null,
    };
  }

  /** One vote per member (the primary key); voting again changes nothing. Voting follows the idea. */
  async vote(actor: Actor, id: string): Promise<Idea> {
    await this.activeMember(actor);
    await this.dataSource.transaction(async (manager) => {
      await this.lockVotable(manager, actor, id);
      if (await this.repository.addVote(manager, id, actor.id))
        await this.repository.addFollow(manager, id, actor.id);
    });
    return this.ideaFor(actor, id);
  }

  async withdrawVote(actor: Actor, id: string): Promise<Idea> {
    await this.activeMember(actor);
    await this.dataSource.transaction(async (manager) => {
      await this.lockVotable(manager, actor, id);
      await this.repository.removeVote(manager, id, actor.id);
    });
    return this.ideaFor(actor, id);
  }

  async follow(actor: Actor, id: string, on: boolean): Promise<Idea> {
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.repository.lockIdea(manager, parseId(id));
      if (!locked || !canSee(actor, locked)) throw new AppException('IDEA_NOT_FOUND');
      if (on) await this.repository.addFollow(manager, id, actor.id);
      else await this.repository.removeFollow(manager, id, actor.id);
    });
    return this.ideaFor(actor, id);
  }

  /** Comments are plain text, returned verbatim; rate-limited per member. Commenting does not follow. */
  async comment(actor: Actor, id: string, input: unknown): Promise<IdeaComment> {
    const body = parseOrThrow(CreateIdeaCommentSchema, input ?? {});
    await this.activeMember(actor);
    const now = Date.now();
    const commentId = await this.dataSource.transaction(async (manager) => {
      const locked = await this.repository.lockIdea(manager, parseId(id));
      if (!locked || !canSee(actor, locked)) throw new AppException('IDEA_NOT_FOUND');
      if (locked.state === 'duplicate')
        throw new AppException(
          'IDEA_TRANSITION_REFUSED',
          'This idea was merged: comment on the idea it was merged into.',
        );
      await this.repository.lockMember(manager, 'idea-comment', actor.id);
      await this.rateLimit(manager, 'idea_comment', actor.id, IDEA_COMMENTS_PER_HOUR, now, 'comments');
      return this.repository.insertComment(manager, { ideaId: id, memberId: actor.id, body: body.body });
    });
    return toComment(await this.repository.comment(commentId));
  }

  /** One flag per member; at the threshold an open idea goes back to review. */
  async flag(actor: Actor, id: string, input: unknown, ctx: RequestContext): Promise<IdeaFlagResult> {
    const body = parseOrThrow(FlagIdeaSchema, input ?? {});
    await this.activeMember(actor);
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.repository.lockIdea(manager, parseId(id));
      if (!locked || !canSee(actor, locked)) throw new AppException('IDEA_NOT_FOUND');
      const flags = await this.repository.addFlag(manager, {
        ideaId: id,
        memberId: actor.id,
        reason: body.reason,
        note: body.note ?? null,
      });
      if (flags === undefined) throw new AppException('IDEA_ALREADY_FLAGGED');
      const back = flagsReturnToReview(locked.state, flags);
      if (back)
        await this.applyChange(manager, {
          ideaId: id,
          from: locked.state,
          to: 'pending_review',
          response: 'Members flagged this idea, so the team is reviewing it again.',
          ctx: { ...ctx, actor: null },
        });
      return { flags, returnedToReview: back };
    });
  }

  async myImpact(actor: Actor): Promise<MyImpact> {
    const [ideas, rewards, supported] = await Promise.all([
      this.repository.myIdeas(actor.id),
      this.repository.myRewards(actor.id),
      this.repository.shippedISupported(actor.id),
    ]);
    const items = ideas.map((row) => ({
      ...toSummary(row),
      supporters: row.vote_count - (row.own_vote ? 1 : 0),
      followers: row.follower_count,
      rewards: rewards.filter((r) => r.idea_id === row.id).map(toReward),
    }));
    const all = items.flatMap((i) => i.rewards);
    const sum = (state: string) => all.filter((r) => r.state === state).reduce((n, r) => n + r.points, 0);
    return {
      ideas: items,
      totals: {
        ideas: items.length,
        supportersGained: items.reduce((n, i) => n + i.supporters, 0),
        pointsEarned: sum('available'),
        pointsPending: sum('pending'),
        shipped: items.filter((i) => i.state === 'shipped').length,
      },
      shippedISupported: supported.map(toSummary),
    };
  }

  async roadmap(): Promise<Roadmap> {
    const [planned, inProgress, shipped] = await Promise.all([
      this.repository.roadmap('planned', 50),
      this.repository.roadmap('in_progress', 50),
      this.repository.roadmap('shipped', 50),
    ]);
    return {
      planned: planned.map(toSummary),
      inProgress: inProgress.map(toSummary),
      shipped: shipped.map(toSummary),
    };
  }

  async wall(query: unknown): Promise<ShippedWallPage> {
    const q = parseOrThrow(ShippedWallQuerySchema, query ?? {}, ['query']);
    const cursor = q.cursor ? decodeListCursor(q.cursor, 'wall') : null;
    const rows = await this.repository.wall(cursor, q.limit + 1);
    const last = rows.length > q.limit ? rows[q.limit - 1] : undefined;
    return {
      items: rows.slice(0, q.limit).map((row) => ({
        id: row.id,
        number: Number(row.number),
        title: row.title,
        category: toSummary(row).category,
        authorName: row.author_name,
        votes: row.vote_count,
        shippedAt: new Date(row.last_status_change_at).toISOString(),
        response: row.response,
      })),
      nextCursor: last
        ? encodeListCursor({ sort: 'wall', score: last.sort_score ?? '0', number: last.number })
        : null,
    };
  }

  // ---- staff ----

  /** The author's bonuses for one idea, in any state, as the author sees them in My impact. */
  async rewards(id: string): Promise<IdeaRewards> {
    const row = await this.repository.idea(parseId(id), null);
    if (!row) throw new AppException('IDEA_NOT_FOUND');
    return { ideaId: row.id, rewards: (await this.repository.ideaRewards(row.id)).map(toReward) };
  }

  async queue(query: unknown): Promise<ModerationQueuePage> {
    const q = parseOrThrow(ModerationQueueQuerySchema, query ?? {}, ['query']);
    const rows = await this.repository.queue(
      q.reason,
      q.cursor ? decodeIdCursor(q.cursor, 'iq') : null,
      q.limit + 1,
    );
    const page = rows.slice(0, q.limit);
    const flags = await this.repository.flags(page.map((r) => r.id));
    return {
      items: page.map((row) => ({
        idea: toIdea(row, true),
        reason: row.state === 'pending_review' ? ('pending_review' as const) : ('flagged' as const),
        author: {
          id: row.author_id,
          name: row.author_name,
          trusted: row.author_trusted,
          blocked: row.author_blocked,
        },
        flagCount: row.flag_count,
        flags: flags
          .filter((f) => f.idea_id === row.id)
          .map((f) => ({
            reason: f.reason as 'spam',
            note: f.note,
            createdAt: new Date(f.created_at).toISOString(),
          })),
      })),
      nextCursor: rows.length > q.limit ? encodeIdCursor(page[page.length - 1]!.number, 'iq') : null,
    };
  }

  /**
   * Approves an idea waiting for review (→ open), optionally trusting its author from now on. On an
   * idea that is not waiting but was flagged, approval keeps it as it is and clears the flags.
   */
  async approve(id: string, input: unknown, ctx: RequestContext): Promise<Idea> {
    const body = parseOrThrow(ApproveIdeaSchema, input ?? {});
    const staff = requireStaff(ctx);
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.lockForStaff(manager, id);
      if (locked.state !== 'pending_review' && locked.flag_count === 0)
        throw new AppException(
          'IDEA_TRANSITION_REFUSED',
          'Only an idea waiting for review or flagged can be approved.',
        );
      if (locked.state === 'pending_review')
        await this.applyChange(manager, {
          ideaId: id,
          from: locked.state,
          to: 'open',
          response: body.response,
          ctx,
        });
      await this.repository.clearFlags(manager, id);
      if (body.markAuthorTrusted)
        await this.repository.setMemberFlags(manager, locked.author_id, { trusted: true });
      await this.audit.record(manager, ctx, {
        action: 'idea.approved',
        targetType: 'idea',
        targetId: id,
        summary: {
          state: { from: locked.state, to: locked.state === 'pending_review' ? 'open' : locked.state },
          authorId: locked.author_id,
          markAuthorTrusted: body.markAuthorTrusted,
          by: staff.id,
        },
        reason: body.response,
      });
    });
    return this.ideaFor(ctx.actor, id);
  }

  /** Declines an idea as spam and, by default, blocks its author from the board. */
  async declineSpam(id: string, input: unknown, ctx: RequestContext): Promise<Idea> {
    const body = parseOrThrow(DeclineSpamSchema, input ?? {});
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.lockForStaff(manager, id);
      refuseTransition(locked.state, 'declined');
      await this.applyChange(manager, {
        ideaId: id,
        from: locked.state,
        to: 'declined',
        response: body.response,
        ctx,
      });
      await this.repository.clearFlags(manager, id);
      if (body.blockAuthor)
        await this.repository.setMemberFlags(manager, locked.author_id, { blocked: true, trusted: false });
      await this.audit.record(manager, ctx, {
        action: 'idea.declined_as_spam',
        targetType: 'idea',
        targetId: id,
        summary: {
          state: { from: locked.state, to: 'declined' },
          authorId: locked.author_id,
          authorBlocked: body.blockAuthor,
        },
        reason: body.response,
      });
    });
    return this.ideaFor(ctx.actor, id);
  }

  async changeStatus(id: string, input: unknown, ctx: RequestContext): Promise<Idea> {
    const body = parseOrThrow(ChangeIdeaStatusSchema, input ?? {});
    requireStaff(ctx);
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.lockForStaff(manager, id);
      refuseTransition(locked.state, body.to);
      await this.applyChange(manager, {
        ideaId: id,
        from: locked.state,
        to: body.to,
        response: body.response,
        ctx,
      });
      await this.repository.clearFlags(manager, id);
      await this.audit.record(manager, ctx, {
        action: 'idea.status_changed',
        targetType: 'idea',
        targetId: id,
        summary: { state: { from: locked.state, to: body.to } },
        reason: body.response,
      });
    });
    return this.ideaFor(ctx.actor, id);
  }

  /**
   * Merges an idea into another (→ duplicate). Votes and follows move to the target; a member on both
   * keeps one vote there. Everyone who voted for or followed the duplicate is told.
   */
  async merge(id: string, input: unknown, ctx: RequestContext): Promise<IdeaMergeResult> {
    const body = parseOrThrow(MergeIdeaSchema, input ?? {});
    requireStaff(ctx);
    parseId(id);
    const refuse = (message: string) =>
      new AppException('IDEA_MERGE_REFUSED', message, [{ field: 'targetId', message }]);
    if (body.targetId === id) throw refuse('must be another idea');
    const moved = await this.dataSource.transaction(async (manager) => {
      await this.repository.lockPair(manager, id, body.targetId);
      const source = await this.lockForStaff(manager, id);
      refuseTransition(source.state, 'duplicate');
      const target = await this.repository.idea(body.targetId, null, manager);
      if (!target) throw refuse('is not an idea');
      if (!isOpenState(target.state) || target.state === 'pending_review')
        throw refuse(
          `is ${ideaStateLabel(target.state)}: merge only into an idea that is open or further along`,
        );
      const result = await this.repository.merge(manager, id, body.targetId);
      const sourceRow = (await this.repository.idea(id, null, manager))!;
      await this.applyChange(manager, {
        ideaId: id,
        from: source.state,
        to: 'duplicate',
        response: body.response,
        ctx,
        duplicateOf: body.targetId,
      });
      await this.notifications.notifyMany(
        manager,
        result.people,
        ideaMergedNotice({
          sourceId: id,
          sourceNumber: Number(sourceRow.number),
          targetId: target.id,
          targetNumber: Number(target.number),
          targetTitle: target.title,
        }),
      );
      await this.audit.record(manager, ctx, {
        action: 'idea.merged',
        targetType: 'idea',
        targetId: id,
        summary: {
          state: { from: source.state, to: 'duplicate' },
          duplicateOf: body.targetId,
          votesMoved: result.votesMoved,
          followersMoved: result.followersMoved,
        },
        reason: body.response,
      });
      return result;
    });
    return {
      idea: await this.ideaFor(ctx.actor, id),
      target: await this.ideaFor(ctx.actor, body.targetId),
      votesMoved: moved.votesMoved,
      followersMoved: moved.followersMoved,
    };
  }

  async setTags(id: string, input: unknown, ctx: RequestContext): Promise<Idea> {
    const body = parseOrThrow(UpdateIdeaTagsSchema, input ?? {});
    await this.dataSource.transaction(async (manager) => {
      await this.lockForStaff(manager, id);
      const before = (await this.repository.idea(id, null, manager))!.tags;
      await this.repository.setTags(manager, id, body.tags);
      await this.audit.record(manager, ctx, {
        action: 'idea.tags_changed',
        targetType: 'idea',
        targetId: id,
        summary: { tags: { from: before, to: body.tags } },
      });
    });
    return this.ideaFor(ctx.actor, id);
  }

  /** A staff answer: a comment shown as "Staff answer", audited. */
  async staffAnswer(id: string, input: unknown, ctx: RequestContext): Promise<IdeaComment> {
    const body = parseOrThrow(CreateIdeaCommentSchema, input ?? {});
    const staff = requireStaff(ctx);
    const commentId = await this.dataSource.transaction(async (manager) => {
      await this.lockForStaff(manager, id);
      const commentId = await this.repository.insertComment(manager, {
        ideaId: id,
        staffId: staff.id,
        body: body.body,
      });
      await this.audit.record(manager, ctx, {
        action: 'idea.staff_answered',
        targetType: 'idea',
        targetId: id,
        summary: { commentId },
      });
      return commentId;
    });
    return toComment(await this.repository.comment(commentId));
  }

  // ---- the daily digest (job step) ----

  /**
   * Job step: emails each follower one summary of yesterday's (UTC, relative to `now`) changes to the
   * ideas they follow. `idea_digest` is keyed by (member, day), claimed in the email's transaction, so
   * a second run or a second worker sends nothing again.
   */
  async sendDigests(now: Date, limit = 500): Promise<{ sent: number; day: string }> {
    const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const from = new Date(to.getTime() - DAY_MS);
    const day = from.toISOString().slice(0, 10);
    let sent = 0;
    for (const candidate of await this.repository.digestCandidates(from, to, day, limit)) {
      await this.dataSource.transaction(async (manager) => {
        if (!(await this.repository.claimDigest(manager, candidate.member_id, day, candidate.changes.length)))
          return;
        const outboxId = await this.outbox.enqueue(manager, ideaDigestEmail(candidate, day));
        await this.repository.setDigestOutbox(manager, candidate.member_id, day, outboxId);
        sent += 1;
      });
    }
    return { sent, day };
  }

  // ---- internals ----

  /**
   * Records one state change in the caller's transaction: the state and its history row, the
   * followers' notices, the webhook, and the author's bonuses (paid on `planned` and `shipped`,
   * cancelled on `declined` or `duplicate` within the hold).
   */
  private async applyChange(manager: EntityManager, c: Change): Promise<void> {
    const staff = c.ctx.actor?.kind === 'staff' ? c.ctx.actor : null;
    const change = await this.repository.changeState(manager, {
      ideaId: c.ideaId,
      from: c.from,
      to: c.to,
      response: c.response,
      staffId: staff?.id ?? null,
      duplicateOf: c.duplicateOf ?? null,
    });
    const idea = (await this.repository.idea(c.ideaId, null, manager))!;
    // A merge tells its people with its own notice (their vote and follow moved).
    if (c.to !== 'duplicate') {
      await this.notifications.notifyMany(
        manager,
        await this.repository.followers(manager, c.ideaId),
        ideaStatusChangedNotice({
          changeId: change.id,
          ideaId: c.ideaId,
          number: Number(idea.number),
          title: idea.title,
          stateLabel: ideaStateLabel(c.to),
          response: c.response,
        }),
      );
    }
    await this.webhooks.emit(manager, 'idea.status_changed', {
      memberId: idea.author_id,
      idea: {
        id: idea.id,
        number: Number(idea.number),
        from: c.from,
        to: c.to,
        duplicateOfId: c.duplicateOf ?? null,
      },
    });
    if (c.to === 'planned') await this.award(manager, idea, 'accepted', c.ctx);
    if (c.to === 'shipped') await this.award(manager, idea, 'shipped', c.ctx);
    if (c.to === 'declined' || c.to === 'duplicate') await this.cancelAccepted(manager, idea, c.to, c.ctx);
  }

  /**
   * Pays a bonus once per (idea, kind), whatever bounces the idea makes: the accepted bonus as pending
   * points that become available after the hold, the shipped bonus at once. The quarterly cap counts
   * what the author was paid this calendar quarter (UTC) and not cancelled; beyond it nothing is paid
   * and the record keeps what the cap held back.
   */
  private async award(manager: EntityManager, idea: IdeaRow, kind: IdeaRewardKind, ctx: RequestContext) {
    const author = await this.repository.boardMember(idea.author_id, manager);
    if (!author || author.status !== 'active') return;
    const programme = await this.programmes.get(manager);
    const settings = programme.ideas;
    const full = kind === 'accepted' ? settings.acceptedPoints : settings.shippedPoints;
    const now = new Date();
    await this.repository.lockRewardCap(manager, idea.author_id);
    const already = await this.repository.pointsThisQuarter(manager, idea.author_id, quarterStart(now));
    const points = cappedBonus(full, already, settings.quarterlyCapPerMember);
    const availableAt =
      kind === 'accepted' && settings.holdDays > 0
        ? new Date(now.getTime() + settings.holdDays * DAY_MS)
        : null;
    const recorded = await this.repository.insertReward(manager, {
      ideaId: idea.id,
      kind,
      memberId: idea.author_id,
      points,
      cappedPoints: full - points,
      availableAt,
    });
    if (!recorded || points === 0) return;
    const result = await this.ledger.earn(
      {
        idempotencyKey: `idea:${idea.id}:${kind}`,
        idempotencyScope: 'ideas',
        actor: ctx.actor ? ledgerActor(ctx.actor) : SYSTEM_ACTOR,
        memberId: idea.author_id,
        points,
        availableAt,
        expiresAt: lotExpiry(programme, availableAt ?? now),
        reason: kind === 'accepted' ? 'Idea accepted: planned' : 'Idea shipped',
        metadata: { ideaId: idea.id, ideaBonus: kind },
      },
      manager,
    );
    await this.repository.setRewardJournal(manager, idea.id, kind, result.journalId);
  }

  /** Declined or merged within the hold: the pending accepted bonus is reversed (it was never spendable). */
  private async cancelAccepted(manager: EntityManager, idea: IdeaRow, to: IdeaState, ctx: RequestContext) {
    const reward = await this.repository.reward(manager, idea.id, 'accepted');
    if (!reward || reward.cancelled_at) return;
    const withinHold = reward.available_at !== null && new Date(reward.available_at).getTime() > Date.now();
    if (!withinHold || (reward.journal_id && reward.lot_state !== 'pending')) return;
    const reason =
      to === 'declined' ? 'Idea declined within the hold period' : 'Idea merged within the hold period';
    let journalId: string | null = null;
    if (reward.journal_id) {
      const reversed = await this.ledger.reverse(
        {
          journalId: reward.journal_id,
          policy: 'forgive',
          idempotencyKey: `idea:${idea.id}:accepted:cancel`,
          idempotencyScope: 'ideas',
          actor: ctx.actor ? ledgerActor(ctx.actor) : SYSTEM_ACTOR,
          reason,
          metadata: { ideaId: idea.id, ideaBonus: 'accepted' },
        },
        manager,
      );
      journalId = reversed.journalId;
    }
    await this.repository.cancelReward(manager, idea.id, 'accepted', { journalId, reason });
  }

  private async rateLimit(
    manager: EntityManager,
    table: 'idea' | 'idea_comment',
    memberId: string,
    perHour: number,
    now: number,
    what: string,
  ): Promise<void> {
    const recent = await this.repository.recentWrites(manager, table, memberId, new Date(now - HOUR_MS));
    if (recent.count < perHour) return;
    const retryAfter = recent.oldest ? (new Date(recent.oldest).getTime() + HOUR_MS - now) / 1000 : 60;
    throw new RateLimitedException(
      retryAfter,
      `You can post at most ${perHour} ${what} an hour; try again in ${Math.ceil(retryAfter / 60)} minutes.`,
    );
  }

  /** The member may use the board: an active account that staff have not blocked. */
  private async activeMember(actor: Actor) {
    const member = await this.repository.boardMember(actor.id);
    if (!member || member.status !== 'active') throw new AppException('MEMBER_NOT_FOUND');
    if (member.ideas_blocked_at) throw new AppException('MEMBER_BLOCKED');
    return member;
  }

  /** Locks an idea the member can see for a vote change; 409 unless votes are open. */
  private async lockVotable(manager: EntityManager, actor: Actor, id: string): Promise<void> {
    const locked = await this.repository.lockIdea(manager, parseId(id));
    if (!locked || !canSee(actor, locked)) throw new AppException('IDEA_NOT_FOUND');
    if (!isVotable(locked.state))
      throw new AppException(
        'IDEA_NOT_VOTABLE',
        `This idea is ${ideaStateLabel(locked.state)}: votes can be cast or withdrawn only while it is open.`,
      );
  }

  private async lockForStaff(manager: EntityManager, id: string) {
    const locked = await this.repository.lockIdea(manager, parseId(id));
    if (!locked) throw new AppException('IDEA_NOT_FOUND');
    return locked;
  }

  private async visible(actor: Actor | null, id: string): Promise<IdeaRow> {
    const row = await this.repository.idea(parseId(id), memberId(actor));
    if (!row || !canSee(actor, row)) throw new AppException('IDEA_NOT_FOUND');
    return row;
  }

  private async ideaFor(actor: Actor | null, id: string): Promise<Idea> {
    const row = (await this.repository.idea(id, memberId(actor)))!;
    return toIdea(row, reveals(actor, row));
  }
}

function parseId(id: string): string {
  return parseOrThrow(z.uuid('must be an idea id'), id, ['id']);
}

function memberId(actor: Actor | null): string | null {
  return actor?.kind === 'member' ? actor.id : null;
}

function isModerator(actor: Actor | null): boolean {
  return actor?.kind === 'staff' && can(actor.role, 'ideas:moderate');
}

/** Only the author and staff who moderate see an idea waiting for review. */
function canSee(actor: Actor | null, idea: { state: IdeaState; author_id: string }): boolean {
  return isPublicState(idea.state) || isModerator(actor) || memberId(actor) === idea.author_id;
}

function reveals(actor: Actor | null, row: IdeaRow): boolean {
  return isModerator(actor) || memberId(actor) === row.author_id;
}

function refuseTransition(from: IdeaState, to: IdeaState): void {
  const check = ideaTransition(from, to);
  if (!check.allowed) throw new AppException('IDEA_TRANSITION_REFUSED', check.message);
}

function requireStaff(ctx: RequestContext): Actor {
  if (!ctx.actor || ctx.actor.kind !== 'staff') throw new AppException('FORBIDDEN');
  return ctx.actor;
}

function alreadySubmitted(same: { id: string; number: string } | undefined): AppException {
  return new AppException(
    'IDEA_ALREADY_SUBMITTED',
    same
      ? `You already submitted this idea as #${same.number} (${same.id}).`
      : 'You already submitted this idea.',
  );
}
