import { z } from 'zod';
import { pageSchema } from '../common/pagination.schema.js';
import { IDEA_STATES } from './idea.rules.js';

/**
 * The ideas board's request and response shapes. Text members type (titles, descriptions, comments,
 * responses) is stored and returned verbatim as plain text — markup included — and the front ends
 * render it as text, never as HTML. Members are named by display name only; an email never appears.
 */

export const IdeaState = z.enum(IDEA_STATES);
export type IdeaState = z.infer<typeof IdeaState>;

export const IdeaCategories = [
  'products',
  'in_store',
  'online_shop',
  'app',
  'rewards',
  'sustainability',
  'other',
] as const;
export const IdeaCategory = z.enum(IdeaCategories, 'must be one of the idea categories');
export type IdeaCategory = z.infer<typeof IdeaCategory>;

export const IDEA_CATEGORY_LABELS: Record<IdeaCategory, string> = {
  products: 'Products',
  in_store: 'In store',
  online_shop: 'Online shop',
  app: 'App',
  rewards: 'Rewards programme',
  sustainability: 'Sustainability',
  other: 'Other',
};

// Control characters other than tab and newline (and carriage return) have no place in text.
const noControl = (s: string) =>
  ![...s].some((c) => {
    const code = c.charCodeAt(0);
    return (code < 32 && c !== '\t' && c !== '\n' && c !== '\r') || code === 127;
  });

export const IdeaTitleSchema = z
  .string('is required')
  .trim()
  .min(10, 'must be at least 10 characters')
  .max(120, 'must be at most 120 characters')
  .refine((s) => noControl(s) && !/[\r\n]/.test(s), 'must be one line without control characters');

export const IdeaDescriptionSchema = z
  .string('is required')
  .trim()
  .min(1, 'is required')
  .max(5000, 'must be at most 5000 characters')
  .refine(noControl, 'must not contain control characters');

/** A tag: a lower-case slug (`click-and-collect`); typed capitals are lowered. */
export const IdeaTagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, 'must be at least 2 characters')
  .max(30, 'must be at most 30 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single dashes');

export const IdeaTagsSchema = z
  .array(IdeaTagSchema)
  .max(5, 'must be at most 5 tags')
  .transform((tags) => [...new Set(tags)]);

export const SubmitIdeaSchema = z.strictObject({
  title: IdeaTitleSchema,
  description: IdeaDescriptionSchema,
  category: IdeaCategory,
  tags: IdeaTagsSchema.default([]),
});
export type SubmitIdea = z.input<typeof SubmitIdeaSchema>;

/** Another idea referred to by an idea (its duplicate target): enough to link to it. */
export const IdeaRefSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  title: z.string(),
});
export type IdeaRef = z.infer<typeof IdeaRefSchema>;

export const IdeaSchema = z.object({
  id: z.uuid(),
  /** A short public number, `#42`, stable for the idea's life. */
  number: z.number().int().min(1),
  title: z.string(),
  description: z.string(),
  category: IdeaCategory,
  tags: z.array(z.string()),
  state: IdeaState,
  /** The idea this one was merged into (state `duplicate`). */
  duplicateOf: IdeaRefSchema.nullable(),
  /** The author's display name (first name); never an email. */
  authorName: z.string(),
  /** The author's member id: only for the author themself (and staff); null for everyone else. */
  authorId: z.uuid().nullable(),
  votes: z.number().int().min(0),
  followers: z.number().int().min(0),
  commentCount: z.number().int().min(0),
  createdAt: z.iso.datetime(),
  /** When the state last changed (the submission time until then). */
  lastStatusChangeAt: z.iso.datetime(),
  /** The signed-in member's own vote and follow (false for staff and visitors). */
  viewerVoted: z.boolean(),
  viewerFollows: z.boolean(),
});
export type Idea = z.infer<typeof IdeaSchema>;
export const IdeaPageSchema = pageSchema(IdeaSchema);
export type IdeaPage = z.infer<typeof IdeaPageSchema>;

export const IdeaCommentSchema = z.object({
  id: z.uuid(),
  body: z.string(),
  /** The commenter's display name (staff: their staff name). */
  authorName: z.string(),
  /** A staff answer, shown as "Staff answer". */
  staffAnswer: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type IdeaComment = z.infer<typeof IdeaCommentSchema>;
export const IdeaCommentPageSchema = pageSchema(IdeaCommentSchema);
export type IdeaCommentPage = z.infer<typeof IdeaCommentPageSchema>;

export const IdeaCommentBodySchema = z
  .string('is required')
  .trim()
  .min(1, 'is required')
  .max(2000, 'must be at most 2000 characters')
  .refine(noControl, 'must not contain control characters');

export const CreateIdeaCommentSchema = z.strictObject({ body: IdeaCommentBodySchema });
export type CreateIdeaComment = z.input<typeof CreateIdeaCommentSchema>;

export const IdeaCommentQuerySchema = z.strictObject({
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type IdeaCommentQuery = z.input<typeof IdeaCommentQuerySchema>;

/** One recorded change of state: who (staff display name; null when members' flags made it), when, and the public response. */
export const IdeaStatusChangeSchema = z.object({
  id: z.uuid(),
  from: IdeaState.nullable(),
  to: IdeaState,
  response: z.string(),
  byName: z.string().nullable(),
  at: z.iso.datetime(),
});
export type IdeaStatusChange = z.infer<typeof IdeaStatusChangeSchema>;

/** One idea with its status history (oldest first) and the first page of comments (oldest first). */
export const IdeaDetailSchema = IdeaSchema.extend({
  statusHistory: z.array(IdeaStatusChangeSchema),
  comments: IdeaCommentPageSchema,
});
export type IdeaDetail = z.infer<typeof IdeaDetailSchema>;

/** A public response to a status change: plain text members read. */
export const IdeaResponseSchema = z
  .string('a public response is required')
  .trim()
  .min(3, 'must be at least 3 characters')
  .max(2000, 'must be at most 2000 characters')
  .refine(noControl, 'must not contain control characters');

/** Staff move an idea along its path (merging has its own request: `MergeIdeaSchema`). */
export const ChangeIdeaStatusSchema = z.strictObject({
  to: IdeaState.exclude(['pending_review', 'duplicate'], 'must be a state staff can move an idea to'),
  response: IdeaResponseSchema,
});
export type ChangeIdeaStatus = z.input<typeof ChangeIdeaStatusSchema>;

/** Merge an idea into another (`duplicate`): its votes and followers move to the target. */
export const MergeIdeaSchema = z.strictObject({
  targetId: z.uuid('must be an idea id'),
  response: IdeaResponseSchema,
});
export type MergeIdea = z.input<typeof MergeIdeaSchema>;

/** Approve an idea waiting for review (→ open), optionally trusting its author from now on. */
export const ApproveIdeaSchema = z.strictObject({
  markAuthorTrusted: z.boolean().default(false),
  response: IdeaResponseSchema.default('Thanks! Your idea is now open for votes.'),
});
export type ApproveIdea = z.input<typeof ApproveIdeaSchema>;

/** Decline an idea as spam (→ declined) and, by default, block its author from the board. */
export const DeclineSpamSchema = z.strictObject({
  blockAuthor: z.boolean().default(true),
  response: IdeaResponseSchema.default('Declined: this does not follow the ideas board’s rules.'),
});
export type DeclineSpam = z.input<typeof DeclineSpamSchema>;

export const UpdateIdeaTagsSchema = z.strictObject({ tags: IdeaTagsSchema });
export type UpdateIdeaTags = z.input<typeof UpdateIdeaTagsSchema>;

export const IdeaSort = z.enum(['top', 'new', 'trending']);
export type IdeaSort = z.infer<typeof IdeaSort>;

/** One value or a comma-separated list, once or repeated in the query string (`state=open,planned`). */
const listParam = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(','))),
    z.array(item).max(IDEA_STATES.length),
  );

/**
 * Browsing: full-text search `q`, filters by state (default: every public state) and tag, and a
 * sort — `top` (most votes), `new` (newest first) or `trending` (most votes cast in the last
 * `IDEA_TRENDING_DAYS` days). The cursor is opaque and belongs to the sort it came from.
 */
export const IdeaListQuerySchema = z.strictObject({
  q: z.string().trim().max(200, 'must be at most 200 characters').optional(),
  state: listParam(IdeaState).optional(),
  tag: IdeaTagSchema.optional(),
  category: IdeaCategory.optional(),
  sort: IdeaSort.default('top'),
  cursor: z.string().min(1).max(300).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type IdeaListQuery = z.input<typeof IdeaListQuerySchema>;

/** As-you-type suggestions while a member writes a title. */
export const SimilarIdeasQuerySchema = z.strictObject({
  q: z.string().trim().min(3, 'must be at least 3 characters').max(200, 'must be at most 200 characters'),
});
export type SimilarIdeasQuery = z.input<typeof SimilarIdeasQuerySchema>;

/** An idea in a short list (suggestions, roadmap, wall, my impact). */
export const IdeaSummarySchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  title: z.string(),
  category: IdeaCategory,
  state: IdeaState,
  votes: z.number().int().min(0),
  authorName: z.string(),
  lastStatusChangeAt: z.iso.datetime(),
});
export type IdeaSummary = z.infer<typeof IdeaSummarySchema>;

/** Top five open ideas matching what the member typed so far (prefix matching on each word). */
export const SimilarIdeasSchema = z.object({ items: z.array(IdeaSummarySchema).max(5) });
export type SimilarIdeas = z.infer<typeof SimilarIdeasSchema>;

/** What the company is doing with members' ideas; each column most recently moved first. */
export const RoadmapSchema = z.object({
  planned: z.array(IdeaSummarySchema),
  inProgress: z.array(IdeaSummarySchema),
  shipped: z.array(IdeaSummarySchema),
});
export type Roadmap = z.infer<typeof RoadmapSchema>;

/** "Shipped thanks to you": shipped ideas, crediting their authors by display name, newest first. */
export const ShippedWallItemSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  title: z.string(),
  category: IdeaCategory,
  authorName: z.string(),
  votes: z.number().int().min(0),
  shippedAt: z.iso.datetime(),
  /** The public response staff gave when it shipped. */
  response: z.string(),
});
export type ShippedWallItem = z.infer<typeof ShippedWallItemSchema>;
export const ShippedWallPageSchema = pageSchema(ShippedWallItemSchema);
export type ShippedWallPage = z.infer<typeof ShippedWallPageSchema>;
export const ShippedWallQuerySchema = IdeaCommentQuerySchema;

/**
 * An idea reward: `accepted` (the idea reached planned) or `shipped`. `pending` points wait out the
 * hold period; `available` ones were released; `cancelled` ones were taken back because the idea was
 * declined or merged within the hold; `capped` means the quarterly cap left nothing (or only part:
 * `points` is what was paid, `cappedPoints` what the cap kept back).
 */
export const IdeaRewardKind = z.enum(['accepted', 'shipped']);
export type IdeaRewardKind = z.infer<typeof IdeaRewardKind>;
export const IdeaRewardState = z.enum(['pending', 'available', 'cancelled', 'capped']);
export type IdeaRewardState = z.infer<typeof IdeaRewardState>;
export const IdeaRewardSchema = z.object({
  kind: IdeaRewardKind,
  state: IdeaRewardState,
  points: z.number().int().min(0),
  cappedPoints: z.number().int().min(0),
  /** When pending points become available (accepted bonus), else null. */
  availableAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type IdeaReward = z.infer<typeof IdeaRewardSchema>;

/** `GET /api/v1/admin/ideas/:id/rewards` (moderators): the author's bonuses for one idea, oldest first. */
export const IdeaRewardsSchema = z.object({
  ideaId: z.uuid(),
  rewards: z.array(IdeaRewardSchema),
});
export type IdeaRewards = z.infer<typeof IdeaRewardsSchema>;

export const MyImpactIdeaSchema = IdeaSummarySchema.extend({
  /** Members other than the author who vote for it now. */
  supporters: z.number().int().min(0),
  followers: z.number().int().min(0),
  rewards: z.array(IdeaRewardSchema),
});
export type MyImpactIdea = z.infer<typeof MyImpactIdeaSchema>;

/** "My impact": my ideas and their states, supporters gained, points earned, and what shipped. */
export const MyImpactSchema = z.object({
  ideas: z.array(MyImpactIdeaSchema),
  totals: z.object({
    ideas: z.number().int().min(0),
    supportersGained: z.number().int().min(0),
    /** Idea bonuses that are available (released); pending ones are counted apart. */
    pointsEarned: z.number().int().min(0),
    pointsPending: z.number().int().min(0),
    shipped: z.number().int().min(0),
  }),
  /** Ideas I voted for (not mine) that shipped, newest first. */
  shippedISupported: z.array(IdeaSummarySchema),
});
export type MyImpact = z.infer<typeof MyImpactSchema>;

export const IdeaFlagReason = z.enum(['spam', 'offensive', 'off_topic', 'personal_data', 'other']);
export type IdeaFlagReason = z.infer<typeof IdeaFlagReason>;

/** A member flags an idea for moderation, once per idea. */
export const FlagIdeaSchema = z.strictObject({
  reason: IdeaFlagReason,
  note: z
    .string()
    .trim()
    .max(500, 'must be at most 500 characters')
    .refine(noControl, 'must not contain control characters')
    .optional(),
});
export type FlagIdea = z.input<typeof FlagIdeaSchema>;

export const IdeaFlagSchema = z.object({
  reason: IdeaFlagReason,
  note: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type IdeaFlag = z.infer<typeof IdeaFlagSchema>;

/** What a member's flag did: counted, and whether it sent the idea back to review. */
export const IdeaFlagResultSchema = z.object({
  flags: z.number().int().min(1),
  returnedToReview: z.boolean(),
});
export type IdeaFlagResult = z.infer<typeof IdeaFlagResultSchema>;

/** The console's review queue: ideas waiting for review and ideas members flagged. */
export const ModerationQueueItemSchema = z.object({
  idea: IdeaSchema,
  /** Why it is in the queue: waiting for review (new or untrusted author, or flagged back), or flagged. */
  reason: z.enum(['pending_review', 'flagged']),
  author: z.object({
    id: z.uuid(),
    name: z.string(),
    trusted: z.boolean(),
    blocked: z.boolean(),
  }),
  flagCount: z.number().int().min(0),
  /** The latest flags, newest first (at most 10). */
  flags: z.array(IdeaFlagSchema),
});
export type ModerationQueueItem = z.infer<typeof ModerationQueueItemSchema>;
export const ModerationQueuePageSchema = pageSchema(ModerationQueueItemSchema);
export type ModerationQueuePage = z.infer<typeof ModerationQueuePageSchema>;
export const ModerationQueueQuerySchema = z.strictObject({
  reason: z.enum(['pending_review', 'flagged']).optional(),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ModerationQueueQuery = z.input<typeof ModerationQueueQuerySchema>;

/** The result of a merge: how many votes and followers moved (members already on the target count once). */
export const IdeaMergeResultSchema = z.object({
  idea: IdeaSchema,
  target: IdeaSchema,
  votesMoved: z.number().int().min(0),
  followersMoved: z.number().int().min(0),
});
export type IdeaMergeResult = z.infer<typeof IdeaMergeResultSchema>;
