import { SignUpRequestSchema, UpdateProfileSchema } from '@tally/domain';
import { fieldMessage, issuesToFieldErrors, sortFieldErrors } from '../forms/field-errors.js';

describe(fieldMessage.name, () => {
  it.each([
    ['Password', 'must be at least 10 characters', 'Password must be at least 10 characters'],
    ['Email', 'An account with this email already exists', 'An account with this email already exists'],
    ['Name', 'Invalid input: expected string', 'Invalid input: expected string'],
  ])('words %p + %p as %p', (label, message, expected) => {
    expect(fieldMessage(label, message)).toBe(expected);
  });
});

describe(sortFieldErrors.name, () => {
  const labels = { email: 'Email', storeIds: 'Stores' };

  it('puts each message beside its field, nested paths under their field, the first per field winning', () => {
    const sorted = sortFieldErrors(
      [
        { field: 'email', message: 'must be a valid email address' },
        { field: 'email', message: 'is required' },
        { field: 'storeIds.1', message: 'must be store ids' },
      ],
      ['email', 'storeIds'],
      labels,
    );

    expect(sorted).toEqual({
      fields: { email: 'Email must be a valid email address', storeIds: 'Stores must be store ids' },
      other: [],
    });
  });

  it('keeps messages about the whole form or an unknown field apart', () => {
    const sorted = sortFieldErrors(
      [
        { field: '', message: 'change at least one field' },
        { field: 'audience', message: 'Invalid option' },
      ],
      ['email'],
      labels,
    );

    expect(sorted).toEqual({ fields: {}, other: ['Change at least one field', 'audience: Invalid option'] });
  });

  it('reads the domain schemas: a sign-up with a short password and a bad phone', () => {
    const result = SignUpRequestSchema.safeParse({
      email: 'ada@example.com',
      password: 'short',
      name: 'Ada',
      phone: '12',
      marketingConsent: false,
    });
    expect(result.success).toBe(false);

    const sorted = sortFieldErrors(
      issuesToFieldErrors(result.error?.issues ?? []),
      ['email', 'password', 'phone'],
      {
        password: 'Password',
        phone: 'Phone',
      },
    );

    expect(sorted.fields).toEqual({
      password: 'Password must be at least 10 characters',
      phone: 'Phone must be a phone number of 7 to 15 digits',
    });
  });

  it('reads a rule about the whole request (an empty profile change) as a form-level message', () => {
    const result = UpdateProfileSchema.safeParse({});
    const sorted = sortFieldErrors(issuesToFieldErrors(result.error?.issues ?? []), ['name']);
    expect(sorted.other).toEqual(['Change at least one field']);
  });
});
