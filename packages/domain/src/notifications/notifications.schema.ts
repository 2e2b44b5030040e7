import { z } from 'zod';
import { PageQuerySchema, pageSchema } from '../common/pagination.schema.js';

/**
 * What a notification is about. `claim_answered` is emitted by the claims module; `idea_status_changed`
 * (an idea the member follows changed state) and `idea_merged` (it was merged into another idea, which
 * now carries their vote and follow) by the ideas board. Every debit the member did not make themselves
 * in the portal is told by the ledger: `points_redeemed` (spent at a till), `points_reversed` (taken
 * back: a refund, a cancelled bonus), `points_expired` and `points_adjusted` (deducted by staff).
 */
export const NotificationKind = z.enum([
  'points_earned',
  'points_expiring',
  'claim_answered',
  'voucher_expiring',
  'idea_status_changed',
  'idea_merged',
  'referral_rewarded',
  'points_redeemed',
  'points_reversed',
  'points_expired',
  'points_adjusted',
]);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const NotificationSchema = z.object({
  id: z.string(),
  kind: NotificationKind,
  title: z.string(),
  body: z.string(),
  /** A portal path to open, e.g. `/statement` or `/vouchers`. */
  link: z.string().nullable(),
  /** When the thing it is about happens (points expire, a voucher runs out), shown in the member's locale. */
  dueAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationQuerySchema = PageQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(100).default(20),
}).strict();
export type NotificationQuery = z.input<typeof NotificationQuerySchema>;

export const NotificationPageSchema = pageSchema(NotificationSchema);
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

export const UnreadCountSchema = z.object({ unread: z.number().int().min(0) });
export type UnreadCount = z.infer<typeof UnreadCountSchema>;

export const MarkedReadSchema = z.object({ marked: z.number().int().min(0) });
export type MarkedRead = z.infer<typeof MarkedReadSchema>;
