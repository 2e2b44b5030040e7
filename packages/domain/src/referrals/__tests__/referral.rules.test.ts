import { describeJournal } from '../../ledger/statement.rules.js';
import { DEFAULT_PROGRAMME, ProgrammeSchema } from '../../programme/programme.schema.js';
import { mailboxOf, maskEmail, samePhone } from '../referral.rules.js';
import { ReferralCodeSchema } from '../referral.schema.js';

describe('referral rules', () => {
  it('reads a code whatever its case, spaces or dashes, and refuses look-alike letters', () => {
    expect(ReferralCodeSchema.parse(' abcd-2345 ')).toBe('ABCD2345');
    expect(ReferralCodeSchema.safeParse('ABCD0O1I').success).toBe(false);
    expect(ReferralCodeSchema.safeParse('ABC').success).toBe(false);
  });

  it('treats plus-addressing and Gmail dots as the same mailbox', () => {
    expect(mailboxOf('Ann.Lee+tally@Gmail.com')).toBe(mailboxOf('annlee@googlemail.com'));
    expect(mailboxOf('ann+x@example.com')).toBe('ann@example.com');
    expect(mailboxOf('ann.lee@example.com')).not.toBe(mailboxOf('annlee@example.com'));
  });

  it('matches a phone number written nationally or internationally', () => {
    expect(samePhone('07700900123', '+447700900123')).toBe(true);
    expect(samePhone('07700900123', '07700900124')).toBe(false);
    expect(samePhone(null, '07700900123')).toBe(false);
  });

  it('masks an email to its first letter and domain', () => {
    expect(maskEmail('ann@example.com')).toBe('a•••@example.com');
  });

  it('names the other side of a referral on the statement', () => {
    expect(describeJournal('earn', 500, { referral: { side: 'referrer', otherFirstName: 'Bea' } })).toBe(
      'Referral: Bea joined',
    );
    expect(describeJournal('earn', 250, { referral: { side: 'friend', otherFirstName: 'Ann' } })).toBe(
      'Welcome bonus for joining with Ann’s code',
    );
    expect(describeJournal('earn', 10)).toBe('Points earned');
  });

  it('parses a programme stored before referrals existed, with the default referral settings', () => {
    const { referrals: _ignored, ...older } = DEFAULT_PROGRAMME;
    expect(ProgrammeSchema.parse(older).referrals).toEqual(DEFAULT_PROGRAMME.referrals);
  });
});
