import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type IdeaRewardKind, type IdeaSort, type IdeaState } from '@tally/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { rowsOf } from '../../database/rows.js';

/** An idea as the board reads it, with what the viewer did (voted, follows). */
export interface IdeaRow {
  id: string;
  number: string;
  author_id: string;
  author_name: string;
  title: string;
  description: string;
  category: string;
  tags: string[];
  state: IdeaState;
  duplicate_of: string | null;
  duplicate_number: string | null;
  duplicate_title: string | null;
  vote_count: number;
  follower_count: number;
  comment_count: number;
  flag_count: number;
  created_at: Date;
  last_status_change_at: Date;
  viewer_voted: boolean;
  viewer_follows: boolean;
  /** The sort key of the page it came from (trending: recent votes). */
  sort_score: string | null;
}

export interface BoardMemberRow {
  id: string;
  name: string;
  status: 'active' | 'closed';
  ideas_trusted: boolean;
  ideas_blocked_at: Date | null;
}

export interface StatusChangeRow {
  id: string;
  from_state: IdeaState | null;
  to_state: IdeaState;
  response: string;
  by_name: string | null;
  created_at: Date;
}

export interface CommentRow {
  id: string;
  seq: string;
  body: string;
  author_name: string;
  staff_answer: boolean;
  created_at: Date;
}

export interface FlagRow {
  idea_id: string;
  reason: string;
  note: string | null;
  created_at: Date;
}

export interface RewardRow {
  idea_id: string;
  kind: IdeaRewardKind;
  member_id: string;
  points: string;
  capped_points: string;
  journal_id: string | null;
  available_at: Date | null;
  cancelled_at: Date | null;
  lot_state: string | null;
  created_at: Date;
}

/** A bonus with its lot's state (pending until the release job makes it available). */
const REWARD_SELECT = `SELECT r.*, r.points::text AS points, r.capped_points::text AS capped_points,
        (SELECT l.state FROM points_lot l WHERE l.journal_id = r.journal_id LIMIT 1) AS lot_state
   FROM idea_reward r`;

export interface DigestCandidate {
  member_id: string;
  email: string;
  name: string;
  changes: { number: number; title: string; from: string | null; to: string; response: string }[];
}

export interface ListFilter {
  viewerId: string | null;
  staff: boolean;
  states: IdeaState[];
  q: string | null;
  tag: string | null;
  category: string | null;
  authorId?: string;
  sort: IdeaSort;
  /** Trending counts votes since this instant (kept in the cursor so every page uses one window). */
  since: Date;
  after: { score: string; number: string } | null;
  limit: number;
}

/** The author's display name: first name only; a closed account's erased name reads as such. */
const AUTHOR_NAME = `CASE WHEN m.status = 'closed' THEN 'A former member' ELSE split_part(m.name, ' ', 1) END`;

const IDEA_COLUMNS = `
  i.id, i.number::text AS number, i.author_id, ${AUTHOR_NAME} AS author_name, i.title, i.description,
  i.category, i.tags, i.state, i.duplicate_of, d.number::text AS duplicate_number, d.title AS duplicate_title,
  i.vote_count, i.follower_count, i.comment_count, i.flag_count, i.created_at, i.last_status_change_at,
  ($1::uuid IS NOT NULL AND EXISTS (SELECT 1 FROM idea_vote v WHERE v.idea_id = i.id AND v.member_id = $1)) AS viewer_voted,
  ($1::uuid IS NOT NULL AND EXISTS (SELECT 1 FROM idea_follow f WHERE f.idea_id = i.id AND f.member_id = $1)) AS viewer_follows`;

const IDEA_FROM = `FROM idea i JOIN member m ON m.id = i.author_id LEFT JOIN idea d ON d.id = i.duplicate_of`;

/**
 * Every query of the ideas board. Counts on `idea` change in the same transaction as the rows they
 * count; writes that depend on an idea's state lock its row first (`FOR NO KEY UPDATE`, which does not
 * block the foreign keys of votes and follows), so a vote can never land on an idea that just closed.
 */

/** A member's vote or follow: its table and the idea's count of them. */
const MEMBERSHIPS = {
  vote: { table: 'idea_vote', counter: 'vote_count' },
  follow: { table: 'idea_follow', counter: 'follower_count' },
} as const;

@Injectable()
export class IdeasRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private runner(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  async boardMember(memberId: string, manager?: EntityManager): Promise<BoardMemberRow | undefined> {
    const rows: BoardMemberRow[] = await this.runner(manager).query(
      `SELECT id, split_part(name, ' ', 1) AS name, status, ideas_trusted, ideas_blocked_at FROM member WHERE id = $1`,
      [memberId],
    );
    return rows[0];
  }

  /** Serialises one member's submissions (or comments) so a rate limit holds under parallel requests. */
  async lockMember(manager: EntityManager, purpose: string, memberId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1 || ':' || $2, 0))`, [
      purpose,
      memberId,
    ]);
  }

  /** How many ideas (or comments) the member wrote since `since`, and when the oldest of them was. */
  async recentWrites(
    manager: EntityManager,
    table: 'idea' | 'idea_comment',
    memberId: string,
    since: Date,
  ): Promise<{ count: number; oldest: Date | null }> {
    const column = table === 'idea' ? 'author_id' : 'member_id';
    const rows: { n: number; oldest: Date | null }[] = await manager.query(
      `SELECT count(*)::int AS n, min(created_at) AS oldest FROM ${table} WHERE ${column} = $1 AND created_at > $2`,
      [memberId, since],
    );
    return { count: rows[0]!.n, oldest: rows[0]!.oldest };
  }

  /** The member's earlier idea with the same title and description (case and outer spaces aside). */
  async sameText(
    manager: EntityManager,
    memberId: string,
    title: string,
    description: string,
  ): Promise<{ id: string; number: string } | undefined> {
    const rows: { id: string; number: string }[] = await manager.query(
      `SELECT id, number::text AS number FROM idea
        WHERE author_id = $1 AND md5(lower(title) || chr(10) || lower(description)) = md5(lower($2) || chr(10) || lower($3))`,
      [memberId, title, description],
    );
    return rows[0];
  }

  /** Inserts an idea; undefined when the unique (author, text) index says it exists already. */
  async insertIdea(
    manager: EntityManager,
    idea: {
      authorId: string;
      title: string;
      description: string;
      category: string;
      tags: string[];
      state: IdeaState;
    },
  ): Promise<string | undefined> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO idea (author_id, title, description, category, tags, state)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (author_id, md5(lower(title) || chr(10) || lower(description))) DO NOTHING
       RETURNING id`,
      [idea.authorId, idea.title, idea.description, idea.category, idea.tags, idea.state],
    );
    return rows[0]?.id;
  }

  async idea(id: string, viewerId: string | null, manager?: EntityManager): Promise<IdeaRow | undefined> {
    const rows: IdeaRow[] = await this.runner(manager).query(
      `SELECT ${IDEA_COLUMNS}, NULL::text AS sort_score ${IDEA_FROM} WHERE i.id = $2`,
      [viewerId, id],
    );
    return rows[0];
  }

  /** Locks the idea row for a change that depends on its state; returns its state and author. */
  async lockIdea(
    manager: EntityManager,
    id: string,
  ): Promise<{ state: IdeaState; author_id: string; flag_count: number } | undefined> {
    const rows: { state: IdeaState; author_id: string; flag_count: number }[] = await manager.query(
      `SELECT state, author_id, flag_count FROM idea WHERE id = $1 FOR NO KEY UPDATE`,
      [id],
    );
    return rows[0];
  }

  /**
   * A page of ideas for one sort. Keyset on (score, number) for `top` (votes) and `trending` (votes
   * since `since`), on number for `new`; number is unique, so the order is total.
   */
  async list(f: ListFilter): Promise<IdeaRow[]> {
    const score =
      f.sort === 'top'
        ? 'i.vote_count::bigint'
        : f.sort === 'trending'
          ? '(SELECT count(*) FROM idea_vote tv WHERE tv.idea_id = i.id AND tv.created_at >= $8)'
          : 'i.number';
    return this.dataSource.query(
      `SELECT * FROM (
         SELECT ${IDEA_COLUMNS}, (${score})::text AS sort_score, (${score}) AS score_value
           ${IDEA_FROM}
          WHERE i.state = ANY($2::text[])
            AND (i.state <> 'pending_review' OR $3::boolean OR i.author_id = $1)
            AND ($4::text IS NULL OR i.search @@ websearch_to_tsquery('english', $4))
            AND ($5::text IS NULL OR $5 = ANY(i.tags))
            AND ($6::text IS NULL OR i.category = $6)
            AND ($7::uuid IS NULL OR i.author_id = $7)
            AND $8::timestamptz IS NOT NULL
       ) page
       WHERE $9::bigint IS NULL OR (score_value, number::bigint) < ($9::bigint, $10::bigint)
       ORDER BY score_value DESC, number::bigint DESC
       LIMIT $11`,
      [
        f.viewerId,
        f.states,
        f.staff,
        f.q,
        f.tag,
        f.category,
        f.authorId ?? null,
        f.since,
        f.after?.score ?? null,
        f.after?.number ?? null,
        f.limit,
      ],
    );
  }

  /** Top five open ideas for a prefix full-text query (`paper:* | bag:*`), best match first. */
  async similar(tsquery: string): Promise<IdeaRow[]> {
    return this.dataSource.query(
      `SELECT ${IDEA_COLUMNS}, NULL::text AS sort_score ${IDEA_FROM}
        WHERE i.state IN ('open', 'under_review', 'planned', 'in_progress')
          AND i.search @@ to_tsquery('english', $2)
        ORDER BY ts_rank(i.search, to_tsquery('english', $2)) DESC, i.vote_count DESC, i.number DESC
        LIMIT 5`,
      [null, tsquery],
    );
  }

  async statusHistory(ideaId: string): Promise<StatusChangeRow[]> {
    return this.dataSource.query(
      `SELECT c.id, c.from_state, c.to_state, c.response, s.name AS by_name, c.created_at
         FROM idea_status_change c LEFT JOIN staff_user s ON s.id = c.staff_id
        WHERE c.idea_id = $1 ORDER BY c.seq`,
      [ideaId],
    );
  }

  /** Comments oldest first (a conversation reads top down); the cursor is the last seq seen. */
  async comments(ideaId: string, afterSeq: string | null, limit: number): Promise<CommentRow[]> {
    return this.dataSource.query(
      `SELECT c.id, c.seq::text AS seq, c.body, c.created_at, c.staff_id IS NOT NULL AS staff_answer,
              coalesce(s.name, ${AUTHOR_NAME}) AS author_name
         FROM idea_comment c
         LEFT JOIN member m ON m.id = c.member_id
         LEFT JOIN staff_user s ON s.id = c.staff_id
        WHERE c.idea_id = $1 AND ($2::bigint IS NULL OR c.seq > $2::bigint)
        ORDER BY c.seq LIMIT $3`,
      [ideaId, afterSeq, limit],
    );
  }

  async insertComment(
    manager: EntityManager,
    c: { ideaId: string; memberId?: string; staffId?: string; body: string },
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO idea_comment (idea_id, member_id, staff_id, body) VALUES ($1, $2, $3, $4) RETURNING id`,
      [c.ideaId, c.memberId ?? null, c.staffId ?? null, c.body],
    );
    await manager.query(`UPDATE idea SET comment_count = comment_count + 1 WHERE id = $1`, [c.ideaId]);
    return rows[0]!.id;
  }

  async comment(id: string): Promise<CommentRow> {
    const rows: CommentRow[] = await this.dataSource.query(
      `SELECT c.id, c.seq::text AS seq, c.body, c.created_at, c.staff_id IS NOT NULL AS staff_answer,
              coalesce(s.name, ${AUTHOR_NAME}) AS author_name
         FROM idea_comment c LEFT JOIN member m ON m.id = c.member_id LEFT JOIN staff_user s ON s.id = c.staff_id
        WHERE c.id = $1`,
      [id],
    );
    return rows[0]!;
  }

  /** Adds the member's vote (the idea row is locked by the caller); true when it is new. */
  addVote(manager: EntityManager, ideaId: string, memberId: string): Promise<boolean> {
    return this.changeMembership(manager, 'vote', 'add', ideaId, memberId);
  }

  removeVote(manager: EntityManager, ideaId: string, memberId: string): Promise<boolean> {
    return this.changeMembership(manager, 'vote', 'remove', ideaId, memberId);
  }

  addFollow(manager: EntityManager, ideaId: string, memberId: string): Promise<boolean> {
    return this.changeMembership(manager, 'follow', 'add', ideaId, memberId);
  }

  removeFollow(manager: EntityManager, ideaId: string, memberId: string): Promise<boolean> {
    return this.changeMembership(manager, 'follow', 'remove', ideaId, memberId);
  }

  /**
   * Adds or removes the member's vote or follow and moves the idea's materialised count with it; true
   * when something changed (the unique key makes a repeat a no-op). Table and column names come from
   * `MEMBERSHIPS`, never from input.
   */
  private async changeMembership(
    manager: EntityManager,
    kind: keyof typeof MEMBERSHIPS,
    change: 'add' | 'remove',
    ideaId: string,
    memberId: string,
  ): Promise<boolean> {
    const { table, counter } = MEMBERSHIPS[kind];
    const rows = rowsOf<unknown>(
      await manager.query(
        change === 'add'
          ? `INSERT INTO ${table} (idea_id, member_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`
          : `DELETE FROM ${table} WHERE idea_id = $1 AND member_id = $2 RETURNING 1`,
        [ideaId, memberId],
      ),
    );
    if (rows.length === 0) return false;
    const step = change === 'add' ? '+ 1' : '- 1';
    await manager.query(`UPDATE idea SET ${counter} = ${counter} ${step} WHERE id = $1`, [ideaId]);
    return true;
  }

  /** Records a member's flag; undefined when they flagged this idea before. Returns the open flag count. */
  async addFlag(
    manager: EntityManager,
    f: { ideaId: string; memberId: string; reason: string; note: string | null },
  ): Promise<number | undefined> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO idea_flag (idea_id, member_id, reason, note) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [f.ideaId, f.memberId, f.reason, f.note],
    );
    if (rows.length === 0) return undefined;
    const updated = rowsOf<{ flag_count: number }>(
      await manager.query(`UPDATE idea SET flag_count = flag_count + 1 WHERE id = $1 RETURNING flag_count`, [
        f.ideaId,
      ]),
    );
    return updated[0]!.flag_count;
  }

  /** Staff reviewed the idea: its flags so far no longer count (a member's flag stays, once). */
  async clearFlags(manager: EntityManager, ideaId: string): Promise<void> {
    await manager.query(`UPDATE idea_flag SET cleared_at = now() WHERE idea_id = $1 AND cleared_at IS NULL`, [
      ideaId,
    ]);
    await manager.query(`UPDATE idea SET flag_count = 0 WHERE id = $1`, [ideaId]);
  }

  async flags(ideaIds: string[]): Promise<FlagRow[]> {
    if (ideaIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT idea_id, reason, note, created_at FROM (
         SELECT f.*, row_number() OVER (PARTITION BY idea_id ORDER BY created_at DESC) AS rn
           FROM idea_flag f WHERE idea_id = ANY($1::uuid[]) AND cleared_at IS NULL) x
        WHERE rn <= 10 ORDER BY idea_id, created_at DESC`,
      [ideaIds],
    );
  }

  /** Sets the state and records the change (who, when, the public response); returns the change's id. */
  async changeState(
    manager: EntityManager,
    c: {
      ideaId: string;
      from: IdeaState;
      to: IdeaState;
      response: string;
      staffId: string | null;
      duplicateOf?: string | null;
    },
  ): Promise<{ id: string; at: Date }> {
    await manager.query(
      `UPDATE idea SET state = $2, duplicate_of = $3, last_status_change_at = now() WHERE id = $1`,
      [c.ideaId, c.to, c.duplicateOf ?? null],
    );
    return this.recordChange(manager, c);
  }

  async recordChange(
    manager: EntityManager,
    c: { ideaId: string; from: IdeaState | null; to: IdeaState; response: string; staffId: string | null },
  ): Promise<{ id: string; at: Date }> {
    const rows: { id: string; at: Date }[] = await manager.query(
      `INSERT INTO idea_status_change (idea_id, from_state, to_state, response, staff_id)
       VALUES ($1, $2, $3, $4, $5) RETURNING id, created_at AS at`,
      [c.ideaId, c.from, c.to, c.response, c.staffId],
    );
    return rows[0]!;
  }

  async setTags(manager: EntityManager, ideaId: string, tags: string[]): Promise<void> {
    await manager.query(`UPDATE idea SET tags = $2 WHERE id = $1`, [ideaId, tags]);
  }

  async setMemberFlags(
    manager: EntityManager,
    memberId: string,
    flags: { trusted?: boolean; blocked?: boolean },
  ): Promise<void> {
    await manager.query(
      `UPDATE member SET ideas_trusted = coalesce($2, ideas_trusted),
              ideas_blocked_at = CASE WHEN $3::boolean IS NULL THEN ideas_blocked_at
                                      WHEN $3 THEN coalesce(ideas_blocked_at, now()) ELSE NULL END,
              updated_at = now()
        WHERE id = $1`,
      [memberId, flags.trusted ?? null, flags.blocked ?? null],
    );
  }

  /** Everyone who follows the idea (to tell them of a change). */
  async followers(manager: EntityManager, ideaId: string): Promise<string[]> {
    const rows: { member_id: string }[] = await manager.query(
      `SELECT f.member_id FROM idea_follow f JOIN member m ON m.id = f.member_id AND m.status = 'active'
        WHERE f.idea_id = $1`,
      [ideaId],
    );
    return rows.map((r) => r.member_id);
  }

  /**
   * Moves the votes and follows of `source` to `target`: a member already on the target keeps the one
   * row there (counted once). Recounts the target from its rows. Returns who moved and who was on the
   * source at all (to tell them).
   */
  async merge(
    manager: EntityManager,
    sourceId: string,
    targetId: string,
  ): Promise<{ votesMoved: number; followersMoved: number; people: string[] }> {
    const people: { member_id: string }[] = await manager.query(
      `SELECT member_id FROM idea_vote WHERE idea_id = $1 UNION SELECT member_id FROM idea_follow WHERE idea_id = $1`,
      [sourceId],
    );
    const votes: unknown[] = await manager.query(
      `INSERT INTO idea_vote (idea_id, member_id, created_at)
       SELECT $2, member_id, created_at FROM idea_vote WHERE idea_id = $1
       ON CONFLICT DO NOTHING RETURNING 1`,
      [sourceId, targetId],
    );
    const follows: unknown[] = await manager.query(
      `INSERT INTO idea_follow (idea_id, member_id, created_at)
       SELECT $2, member_id, created_at FROM idea_follow WHERE idea_id = $1
       ON CONFLICT DO NOTHING RETURNING 1`,
      [sourceId, targetId],
    );
    await manager.query(`DELETE FROM idea_vote WHERE idea_id = $1`, [sourceId]);
    await manager.query(`DELETE FROM idea_follow WHERE idea_id = $1`, [sourceId]);
    await manager.query(
      `UPDATE idea SET
         vote_count = (SELECT count(*) FROM idea_vote WHERE idea_id = idea.id),
         follower_count = (SELECT count(*) FROM idea_follow WHERE idea_id = idea.id)
       WHERE id IN ($1, $2)`,
      [sourceId, targetId],
    );
    return {
      votesMoved: votes.length,
      followersMoved: follows.length,
      people: people.map((p) => p.member_id),
    };
  }

  /** Locks two ideas in id order (a merge), so two merges of the same pair cannot deadlock. */
  async lockPair(manager: EntityManager, a: string, b: string): Promise<void> {
    await manager.query(`SELECT id FROM idea WHERE id IN ($1, $2) ORDER BY id FOR NO KEY UPDATE`, [a, b]);
  }

  /** The moderation queue: waiting for review, or with flags staff have not seen; newest first. */
  async queue(reason: 'pending_review' | 'flagged' | undefined, beforeNumber: string | null, limit: number) {
    const rows: (IdeaRow & { author_trusted: boolean; author_blocked: boolean })[] =
      await this.dataSource.query(
        `SELECT ${IDEA_COLUMNS}, NULL::text AS sort_score, m.ideas_trusted AS author_trusted,
                m.ideas_blocked_at IS NOT NULL AS author_blocked
           ${IDEA_FROM}
          WHERE CASE $2::text WHEN 'pending_review' THEN i.state = 'pending_review'
                              WHEN 'flagged' THEN i.flag_count > 0
                              ELSE i.state = 'pending_review' OR i.flag_count > 0 END
            AND ($3::bigint IS NULL OR i.number < $3::bigint)
          ORDER BY i.number DESC LIMIT $4`,
        [null, reason ?? null, beforeNumber, limit],
      );
    return rows;
  }

  // ---- rewards ----

  /** Serialises one member's idea bonuses so the quarterly cap holds. */
  async lockRewardCap(manager: EntityManager, memberId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('idea-cap:' || $1, 0))`, [memberId]);
  }

  async pointsThisQuarter(manager: EntityManager, memberId: string, since: Date): Promise<number> {
    const rows: { n: string }[] = await manager.query(
      `SELECT coalesce(sum(points), 0)::text AS n FROM idea_reward
        WHERE member_id = $1 AND created_at >= $2 AND cancelled_at IS NULL`,
      [memberId, since],
    );
    return Number(rows[0]!.n);
  }

  /** Records a bonus once per (idea, kind); false when it was recorded before (a status bounce). */
  async insertReward(
    manager: EntityManager,
    r: {
      ideaId: string;
      kind: IdeaRewardKind;
      memberId: string;
      points: number;
      cappedPoints: number;
      availableAt: Date | null;
    },
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO idea_reward (idea_id, kind, member_id, points, capped_points, available_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING 1`,
      [r.ideaId, r.kind, r.memberId, r.points, r.cappedPoints, r.availableAt],
    );
    return rows.length === 1;
  }

  async setRewardJournal(manager: EntityManager, ideaId: string, kind: IdeaRewardKind, journalId: string) {
    await manager.query(`UPDATE idea_reward SET journal_id = $3 WHERE idea_id = $1 AND kind = $2`, [
      ideaId,
      kind,
      journalId,
    ]);
  }

  async reward(manager: EntityManager, ideaId: string, kind: IdeaRewardKind): Promise<RewardRow | undefined> {
    const rows: RewardRow[] = await manager.query(
      `${REWARD_SELECT} WHERE r.idea_id = $1 AND r.kind = $2 FOR UPDATE`,
      [ideaId, kind],
    );
    return rows[0];
  }

  async cancelReward(
    manager: EntityManager,
    ideaId: string,
    kind: IdeaRewardKind,
    c: { journalId: string | null; reason: string },
  ): Promise<void> {
    await manager.query(
      `UPDATE idea_reward SET cancelled_at = now(), cancel_journal_id = $3, cancel_reason = $4
        WHERE idea_id = $1 AND kind = $2 AND cancelled_at IS NULL`,
      [ideaId, kind, c.journalId, c.reason],
    );
  }

  // ---- being seen ----

  async roadmap(state: 'planned' | 'in_progress' | 'shipped', limit: number): Promise<IdeaRow[]> {
    return this.dataSource.query(
      `SELECT ${IDEA_COLUMNS}, NULL::text AS sort_score ${IDEA_FROM}
        WHERE i.state = $2 ORDER BY i.last_status_change_at DESC, i.number DESC LIMIT $3`,
      [null, state, limit],
    );
  }

  /** Shipped ideas, newest shipped first; keyset on (shipped time in microseconds, number). */
  async wall(
    before: { score: string; number: string } | null,
    limit: number,
  ): Promise<(IdeaRow & { response: string })[]> {
    return this.dataSource.query(
      `SELECT * FROM (
         SELECT ${IDEA_COLUMNS}, (extract(epoch FROM i.last_status_change_at) * 1000000)::bigint::text AS sort_score,
                (SELECT c.response FROM idea_status_change c WHERE c.idea_id = i.id AND c.to_state = 'shipped'
                  ORDER BY c.seq DESC LIMIT 1) AS response
           ${IDEA_FROM}
          WHERE i.state = 'shipped') w
        WHERE $2::bigint IS NULL OR (sort_score::bigint, number::bigint) < ($2::bigint, $3::bigint)
        ORDER BY sort_score::bigint DESC, number::bigint DESC LIMIT $4`,
      [null, before?.score ?? null, before?.number ?? null, limit],
    );
  }

  async myIdeas(memberId: string): Promise<(IdeaRow & { own_vote: boolean })[]> {
    return this.dataSource.query(
      `SELECT ${IDEA_COLUMNS}, NULL::text AS sort_score,
              EXISTS (SELECT 1 FROM idea_vote v WHERE v.idea_id = i.id AND v.member_id = i.author_id) AS own_vote
         ${IDEA_FROM} WHERE i.author_id = $1 ORDER BY i.number DESC LIMIT 500`,
      [memberId],
    );
  }

  async myRewards(memberId: string): Promise<RewardRow[]> {
    return this.dataSource.query(`${REWARD_SELECT} WHERE r.member_id = $1 ORDER BY r.created_at`, [memberId]);
  }

  /** One idea's bonuses (at most one per kind), oldest first. */
  async ideaRewards(ideaId: string): Promise<RewardRow[]> {
    return this.dataSource.query(`${REWARD_SELECT} WHERE r.idea_id = $1 ORDER BY r.created_at, r.kind`, [
      ideaId,
    ]);
  }

  async shippedISupported(memberId: string): Promise<IdeaRow[]> {
    return this.dataSource.query(
      `SELECT ${IDEA_COLUMNS}, NULL::text AS sort_score ${IDEA_FROM}
        WHERE i.state = 'shipped' AND i.author_id <> $1
          AND EXISTS (SELECT 1 FROM idea_vote v WHERE v.idea_id = i.id AND v.member_id = $1)
        ORDER BY i.last_status_change_at DESC LIMIT 50`,
      [memberId],
    );
  }

  // ---- the daily digest ----

  /**
   * Members (active, with an email) who follow an idea that changed state in [from, to) — or that was
   * merged into one they follow — and have no digest for `day` yet, with those changes.
   */
  async digestCandidates(from: Date, to: Date, day: string, limit: number): Promise<DigestCandidate[]> {
    return this.dataSource.query(
      `SELECT f.member_id, m.email, split_part(m.name, ' ', 1) AS name,
              json_agg(json_build_object('number', i.number, 'title', i.title, 'from', c.from_state,
                       'to', c.to_state, 'response', c.response) ORDER BY c.seq) AS changes
         FROM idea_status_change c
         JOIN idea i ON i.id = c.idea_id
         JOIN idea_follow f ON f.idea_id = i.id OR f.idea_id = i.duplicate_of
         JOIN member m ON m.id = f.member_id AND m.status = 'active' AND m.email IS NOT NULL
        WHERE c.created_at >= $1 AND c.created_at < $2 AND c.from_state IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM idea_digest g WHERE g.member_id = f.member_id AND g.day = $3::date)
        GROUP BY f.member_id, m.email, m.name
        ORDER BY f.member_id
        LIMIT $4`,
      [from, to, day, limit],
    );
  }

  /** Claims the member's digest for the day; false when another run sent it. */
  async claimDigest(
    manager: EntityManager,
    memberId: string,
    day: string,
    changes: number,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO idea_digest (member_id, day, changes) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
      [memberId, day, changes],
    );
    return rows.length === 1;
  }

  async setDigestOutbox(manager: EntityManager, memberId: string, day: string, outboxId: string) {
    await manager.query(`UPDATE idea_digest SET outbox_id = $3 WHERE member_id = $1 AND day = $2`, [
      memberId,
      day,
      outboxId,
    ]);
  }
}
