import { z } from 'zod';
import { EmailSchema, PasswordSchema, PersonNameSchema } from '../common/primitives.schema.js';
import { Roles } from '../permissions/permissions.js';

export const Audience = z.enum(['member', 'staff']);
export type Audience = z.infer<typeof Audience>;

export const LoginRequestSchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1, 'is required').max(200, 'must be at most 200 characters'),
  /** The portal signs in members (default), the console staff. */
  audience: Audience.default('member'),
});
export type LoginRequest = z.input<typeof LoginRequestSchema>;

export const AuthUserSchema = z.object({
  id: z.uuid(),
  role: z.enum(Roles),
  name: z.string(),
  email: z.string().nullable(),
  /** Staff: the stores they work in (admins: all). Members: empty. */
  storeIds: z.array(z.uuid()),
  /** Members only. */
  cardNumber: z.string().nullable(),
});
export type AuthUser = z.infer<typeof AuthUserSchema>;

export const LoginResponseSchema = z.object({
  accessToken: z.string(),
  accessTokenExpiresAt: z.iso.datetime(),
  refreshToken: z.string(),
  refreshTokenExpiresAt: z.iso.datetime(),
  user: AuthUserSchema,
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

/** The refresh token may instead come from the httpOnly cookie set at login. */
export const RefreshRequestSchema = z.strictObject({
  refreshToken: z.string().min(10).max(200).optional(),
  audience: Audience.optional(),
});
export type RefreshRequest = z.input<typeof RefreshRequestSchema>;

export const PasswordResetRequestSchema = z.strictObject({
  email: EmailSchema,
  audience: Audience.default('member'),
});
export type PasswordResetRequest = z.input<typeof PasswordResetRequestSchema>;

export const TokenSchema = z
  .string()
  .trim()
  .min(20, 'is not a valid link token')
  .max(200, 'is not a valid link token');

export const PasswordResetConfirmSchema = z.strictObject({ token: TokenSchema, password: PasswordSchema });
export type PasswordResetConfirm = z.input<typeof PasswordResetConfirmSchema>;

export const AcceptInvitationSchema = z.strictObject({
  token: TokenSchema,
  password: PasswordSchema,
  name: PersonNameSchema.optional(),
});
export type AcceptInvitation = z.input<typeof AcceptInvitationSchema>;

export const AcceptedSchema = z.object({ accepted: z.literal(true), message: z.string() });
