import { explainProgramme, type ProgrammeSection } from '../programme.explain.js';
import { DEFAULT_PROGRAMME, toPublicProgramme, type PublicProgramme } from '../programme.schema.js';

const base: PublicProgramme = toPublicProgramme(DEFAULT_PROGRAMME);

function section(programme: Partial<PublicProgramme>, id: ProgrammeSection['id'], locale = 'en-GB') {
  const found = explainProgramme({ ...base, ...programme }, locale).find((s) => s.id === id);
  if (!found) throw new Error(`no ${id} section`);
  return found;
}
const text = (s: ProgrammeSection) => [...s.paragraphs, ...s.items].join('\n');

describe(explainProgramme.name, () => {
  it('explains every part of the programme, in a fixed order', () => {
    expect(explainProgramme(base, 'en-GB').map((s) => s.id)).toEqual([
      'earn',
      'tiers',
      'pending',
      'expiry',
      'refunds',
    ]);
  });

  describe('earn rules', () => {
    it('states the rate and a worked example of whole spend units', () => {
      const earn = text(section({}, 'earn'));
      expect(earn).toContain('You earn 1 point for every £1.00 you spend.');
      expect(earn).toContain('a purchase of £9.50 earns 9 points');
    });

    it('follows another rate and spend unit', () => {
      const earn = text(section({ pointsPerUnit: 5, spendUnit: 1000, currency: 'EUR' }, 'earn'));
      expect(earn).toContain('You earn 5 points for every €10.00 you spend.');
      expect(earn).toContain('a purchase of €95.00 earns 45 points');
    });

    it('formats money and numbers for the reader’s locale', () => {
      const earn = text(section({ pointsPerUnit: 1500, currency: 'EUR' }, 'earn', 'de-DE'));
      expect(earn).toContain('1.500 points');
      expect(earn).toMatch(/1,00\s€/);
    });

    it('lists the excluded line kinds in plain words', () => {
      expect(text(section({}, 'earn'))).toContain(
        'These do not earn points: tax, shipping and delivery, gift cards and the part of a purchase you pay with points.',
      );
      expect(text(section({ excludedKinds: ['shipping'] }, 'earn'))).toContain(
        'These do not earn points: shipping and delivery.',
      );
    });

    it('says everything counts when nothing is excluded', () => {
      const earn = text(section({ excludedKinds: [] }, 'earn'));
      expect(earn).toContain('Everything on your receipt counts towards your points.');
      expect(earn).not.toContain('do not earn');
    });

    it('says purchases earn nothing when the rate is zero', () => {
      expect(section({ pointsPerUnit: 0 }, 'earn').paragraphs).toEqual([
        'Purchases do not earn points at the moment.',
      ]);
    });
  });

  describe('tiers', () => {
    it('with a points basis: thresholds in points, multipliers and benefits, lowest first', () => {
      const tiers = section({ tiers: [...base.tiers].reverse() }, 'tiers');
      expect(tiers.paragraphs[0]).toContain('the points you earned in the last 12 months');
      expect(tiers.items).toEqual([
        'Member (where everyone starts): the standard rate.',
        'Silver (from 1,000 points earned): 1.25× the standard points. 25% more points on every purchase.',
        'Gold (from 5,000 points earned): 1.5× the standard points. 50% more points on every purchase.',
      ]);
    });

    it('with a spend basis: thresholds as money spent', () => {
      const tiers = section(
        { tierBasis: 'spend', tiers: [base.tiers[0]!, { ...base.tiers[1]!, threshold: 50_000 }] },
        'tiers',
      );
      expect(tiers.paragraphs[0]).toContain('how much you spent in the last 12 months');
      expect(tiers.items[1]).toContain('Silver (from £500.00 spent)');
    });

    it('says there are none when the programme has no tiers', () => {
      const tiers = section({ tiers: [] }, 'tiers');
      expect(tiers.paragraphs).toEqual(['There are no tiers: every member earns at the same rate.']);
      expect(tiers.items).toEqual([]);
    });
  });

  describe('pending points (the return window)', () => {
    it('names the window in days', () => {
      expect(text(section({ pendingDays: 14 }, 'pending'))).toContain('New points are pending for 14 days');
      expect(text(section({ pendingDays: 1 }, 'pending'))).toContain('pending for 1 day,');
    });

    it('says points are available at once when the window is zero', () => {
      expect(section({ pendingDays: 0 }, 'pending').paragraphs).toEqual([
        'Points are yours to spend as soon as you earn them.',
      ]);
    });
  });

  describe('expiry', () => {
    it('names the months after which points expire', () => {
      expect(text(section({ expiryMonths: 24 }, 'expiry'))).toContain(
        'Points expire 24 months after you earn them.',
      );
      expect(text(section({ expiryMonths: 1 }, 'expiry'))).toContain('Points expire 1 month after');
    });

    it('says points never expire when there is no expiry', () => {
      expect(section({ expiryMonths: null }, 'expiry').paragraphs).toEqual(['Your points never expire.']);
    });

    it('explains expiry after inactivity and what keeps the points, with or without expiry by age', () => {
      expect(text(section({ expiryMonths: 24, inactivityMonths: 12 }, 'expiry'))).toContain(
        'If you neither earn nor spend points for 12 months, all your available points expire.',
      );
      const only = section({ expiryMonths: null, inactivityMonths: 1 }, 'expiry').paragraphs;
      expect(only[0]).toBe('Points do not expire with age.');
      expect(only.join(' ')).toContain('for 1 month, all your available points expire');
      expect(only.join(' ')).toContain('starts the 1 month again');
    });
  });

  describe('refunds', () => {
    it('with the debt policy: spent points become points owed', () => {
      expect(text(section({ refundPolicy: 'debt' }, 'refunds'))).toContain('points owed');
    });

    it('with the forgive policy: spent points are kept', () => {
      const refunds = text(section({ refundPolicy: 'forgive' }, 'refunds'));
      expect(refunds).toContain('you keep them');
      expect(refunds).not.toContain('owed');
    });
  });

  it('never mentions staff-only settings', () => {
    const all = explainProgramme(base, 'en-GB').map(text).join('\n');
    expect(all).not.toMatch(/cashier|limit/i);
  });
});
