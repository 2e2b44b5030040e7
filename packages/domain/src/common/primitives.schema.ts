import { z } from 'zod';

/** Emails are trimmed and lower-cased before anything compares them. */
export const EmailSchema = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('must be a valid email address'))
  .transform((email) => email.toLowerCase());

export const PasswordSchema = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters');

/** A person's name as they want it shown: no control characters, no markup. */
export const PersonNameSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(100, 'must be at most 100 characters')
  .regex(/^[^<>\p{Cc}]+$/u, 'must not contain < > or control characters');

/** E.164-style: an optional +, then 7 to 15 digits; spaces, dashes and brackets are dropped. */
export const PhoneSchema = z
  .string()
  .trim()
  .max(30, 'must be at most 30 characters')
  .transform((v) => v.replace(/[\s\-().]/g, ''))
  .pipe(z.string().regex(/^\+?[0-9]{7,15}$/, 'must be a phone number of 7 to 15 digits'));

/** A calendar date `YYYY-MM-DD`. */
export const IsoDateSchema = z.iso.date('must be a date as YYYY-MM-DD');

export const BirthdaySchema = IsoDateSchema.refine((value) => {
  const date = new Date(`${value}T00:00:00Z`);
  const now = new Date();
  return date.getTime() < now.getTime() && date.getUTCFullYear() > now.getUTCFullYear() - 130;
}, 'must be a real birthday in the past');

export const ReasonSchema = z
  .string()
  .trim()
  .min(3, 'must be at least 3 characters')
  .max(500, 'must be at most 500 characters');
