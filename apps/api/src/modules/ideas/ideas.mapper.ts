import {
  type Idea,
  IdeaCategory,
  type IdeaComment,
  type IdeaReward,
  type IdeaStatusChange,
  type IdeaSummary,
} from '@tally/domain';
import { AppException } from '../../common/exceptions/app.exception.js';
import { type CommentRow, type IdeaRow, type RewardRow, type StatusChangeRow } from './ideas.repository.js';

const iso = (d: Date) => new Date(d).toISOString();

/** An idea for a reader; `revealAuthor`: the author themself, or staff, see the author's member id. */
export function toIdea(row: IdeaRow, revealAuthor: boolean): Idea {
  return {
    id: row.id,
    number: Number(row.number),
    title: row.title,
    description: row.description,
    category: IdeaCategory.parse(row.category),
    tags: row.tags,
    state: row.state,
    duplicateOf:
      row.duplicate_of && row.duplicate_number !== null
        ? { id: row.duplicate_of, number: Number(row.duplicate_number), title: row.duplicate_title ?? '' }
        : null,
    authorName: row.author_name,
    authorId: revealAuthor ? row.author_id : null,
    votes: row.vote_count,
    followers: row.follower_count,
    commentCount: row.comment_count,
    createdAt: iso(row.created_at),
    lastStatusChangeAt: iso(row.last_status_change_at),
    viewerVoted: row.viewer_voted,
    viewerFollows: row.viewer_follows,
  };
}

export function toSummary(row: IdeaRow): IdeaSummary {
  return {
    id: row.id,
    number: Number(row.number),
    title: row.title,
    category: IdeaCategory.parse(row.category),
    state: row.state,
    votes: row.vote_count,
    authorName: row.author_name,
    lastStatusChangeAt: iso(row.last_status_change_at),
  };
}

export function toStatusChange(row: StatusChangeRow): IdeaStatusChange {
  return {
    id: row.id,
    from: row.from_state,
    to: row.to_state,
    response: row.response,
    byName: row.by_name,
    at: iso(row.created_at),
  };
}

export function toComment(row: CommentRow): IdeaComment {
  return {
    id: row.id,
    body: row.body,
    authorName: row.author_name,
    staffAnswer: row.staff_answer,
    createdAt: iso(row.created_at),
  };
}

/** A bonus as its author sees it: pending until released, cancelled, or capped when the cap left nothing. */
export function toReward(row: RewardRow): IdeaReward {
  const points = Number(row.points);
  const state = row.cancelled_at
    ? 'cancelled'
    : points === 0
      ? 'capped'
      : row.lot_state === 'pending'
        ? 'pending'
        : 'available';
  return {
    kind: row.kind,
    state,
    points,
    cappedPoints: Number(row.capped_points),
    availableAt: row.available_at ? iso(row.available_at) : null,
    createdAt: iso(row.created_at),
  };
}

/** Opaque list cursors: base64url JSON of the sort and the last row's keys. */
export interface ListCursor {
  sort: string;
  score: string;
  number: string;
  since?: string;
}

export function encodeListCursor(c: ListCursor): string {
  return Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');
}

export function decodeListCursor(cursor: string, sort: string): ListCursor {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<ListCursor>;
    if (
      c.sort === sort &&
      typeof c.score === 'string' &&
      /^\d{1,18}$/.test(c.score) &&
      typeof c.number === 'string' &&
      /^\d{1,18}$/.test(c.number) &&
      (c.since === undefined || !Number.isNaN(Date.parse(c.since)))
    )
      return c as ListCursor;
  } catch {
    // fall through to the problem below
  }
  throw new AppException('VALIDATION_FAILED', 'The cursor is not one this API issued for this sort.', [
    { field: 'query.cursor', message: 'invalid cursor' },
  ]);
}
