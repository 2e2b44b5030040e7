/**
 * An in-memory model of the ledger's rules, written independently of the SQL functions, for the
 * property test: it predicts each operation's outcome (points and balances, or the refusal).
 */
export interface ModelLot {
  journalId: string;
  amount: number;
  remaining: number;
  state: 'pending' | 'available';
  expiresAt: number | null;
  seq: number;
}

interface ModelJournal {
  kind: 'earn' | 'redeem' | 'capture';
  memberId: string;
  amount: number;
  reversed: number;
  /** For spends: points taken from each lot (by lot seq), net of restores. */
  taken: Map<number, number>;
}

interface ModelHold {
  memberId: string;
  amount: number;
  status: 'held' | 'captured' | 'voided';
  taken: Map<number, number>;
}

export interface ModelMember {
  available: number;
  held: number;
  pending: number;
  debt: number;
  lots: ModelLot[];
}

export class Refused extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

const byExpiry = (a: ModelLot, b: ModelLot) =>
  (a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity) || a.seq - b.seq;

export class LedgerModel {
  readonly members = new Map<string, ModelMember>();
  private readonly journals = new Map<string, ModelJournal>();
  private readonly holds = new Map<string, ModelHold>();
  private lotSeq = 0;

  member(id: string): ModelMember {
    let m = this.members.get(id);
    if (!m) {
      m = { available: 0, held: 0, pending: 0, debt: 0, lots: [] };
      this.members.set(id, m);
    }
    return m;
  }

  balance(id: string) {
    const m = this.member(id);
    return { available: m.available - m.held, pending: m.pending, held: m.held, debt: m.debt };
  }

  earn(
    memberId: string,
    journalId: string,
    points: number,
    expiresAt: number | null,
    pending: boolean,
  ): void {
    const m = this.member(memberId);
    const lot: ModelLot = {
      journalId,
      amount: points,
      remaining: points,
      state: 'available',
      expiresAt,
      seq: ++this.lotSeq,
    };
    if (pending) {
      lot.state = 'pending';
      m.pending += points;
    } else {
      const toDebt = Math.min(points, m.debt);
      m.debt -= toDebt;
      m.available += points - toDebt;
      lot.remaining = points - toDebt;
    }
    m.lots.push(lot);
    this.journals.set(journalId, { kind: 'earn', memberId, amount: points, reversed: 0, taken: new Map() });
  }

  /** Checks a spend can happen; returns the lots it would take from (and how much). */
  private plan(m: ModelMember, points: number, now: number): Map<number, number> {
    if (points > m.available - m.held) throw new Refused('INSUFFICIENT_POINTS');
    const taken = new Map<number, number>();
    let left = points;
    for (const lot of m.lots
      .filter((l) => l.state === 'available' && l.remaining > 0 && (l.expiresAt ?? Infinity) > now)
      .sort(byExpiry)) {
      if (left === 0) break;
      const take = Math.min(left, lot.remaining);
      taken.set(lot.seq, take);
      left -= take;
    }
    if (left > 0) throw new Refused('INSUFFICIENT_POINTS');
    return taken;
  }

  private apply(m: ModelMember, taken: Map<number, number>, sign: 1 | -1): void {
    for (const [seq, amount] of taken) m.lots.find((l) => l.seq === seq)!.remaining -= sign * amount;
  }

  redeem(memberId: string, journalId: string | null, points: number, now: number): void {
    const m = this.member(memberId);
    const taken = this.plan(m, points, now);
    this.apply(m, taken, 1);
    m.available -= points;
    if (journalId)
      this.journals.set(journalId, { kind: 'redeem', memberId, amount: points, reversed: 0, taken });
  }

  hold(memberId: string, holdId: string, points: number, now: number): void {
    const m = this.member(memberId);
    const taken = this.plan(m, points, now);
    this.apply(m, taken, 1);
    m.held += points;
    this.holds.set(holdId, { memberId, amount: points, status: 'held', taken });
  }

  resolve(holdId: string, op: 'capture' | 'void', journalId: string): void {
    const hold = this.holds.get(holdId);
    if (!hold) throw new Refused('HOLD_NOT_FOUND');
    if (hold.status !== 'held') throw new Refused('HOLD_ALREADY_RESOLVED');
    const m = this.member(hold.memberId);
    m.held -= hold.amount;
    if (op === 'capture') {
      m.available -= hold.amount;
      hold.status = 'captured';
      this.journals.set(journalId, {
        kind: 'capture',
        memberId: hold.memberId,
        amount: hold.amount,
        reversed: 0,
        taken: hold.taken,
      });
    } else {
      this.apply(m, hold.taken, -1);
      hold.status = 'voided';
    }
  }

  /** Returns the points the reversal moves (negative for an earn). */
  reverse(journalId: string, requested: number | undefined, policy: 'debt' | 'forgive', now: number): number {
    const j = this.journals.get(journalId);
    if (!j) throw new Refused('NOT_REVERSIBLE');
    const left = j.amount - j.reversed;
    if (left <= 0) throw new Refused('NOTHING_TO_REVERSE');
    const want = Math.min(requested ?? left, left);
    j.reversed += want;
    const m = this.member(j.memberId);
    if (j.kind === 'earn') {
      let remaining = want;
      let moved = 0;
      for (const lot of m.lots.filter((l) => l.journalId === journalId && l.remaining > 0)) {
        const take = Math.min(remaining, lot.remaining);
        lot.remaining -= take;
        if (lot.state === 'pending') m.pending -= take;
        else m.available -= take;
        remaining -= take;
        moved += take;
      }
      if (remaining > 0) {
        const spendable = m.lots
          .filter((l) => l.state === 'available' && l.remaining > 0 && (l.expiresAt ?? Infinity) > now)
          .sort(byExpiry);
        for (const lot of spendable) {
          if (remaining === 0) break;
          const take = Math.min(remaining, lot.remaining);
          lot.remaining -= take;
          m.available -= take;
          remaining -= take;
          moved += take;
        }
      }
      if (remaining > 0 && policy === 'debt') {
        m.debt += remaining;
        moved += remaining;
      }
      return moved === 0 ? 0 : -moved;
    }
    let remaining = want;
    const lots = [...j.taken.entries()]
      .map(([seq, amount]) => ({ lot: m.lots.find((l) => l.seq === seq)!, amount }))
      .sort((a, b) => (b.lot.expiresAt ?? Infinity) - (a.lot.expiresAt ?? Infinity) || b.lot.seq - a.lot.seq);
    for (const { lot, amount } of lots) {
      if (remaining === 0) break;
      const take = Math.min(remaining, amount);
      if (take <= 0) continue;
      lot.remaining += take;
      j.taken.set(lot.seq, amount - take);
      remaining -= take;
    }
    // Points coming back pay debt first, from the spendable lots, earliest expiry first.
    let paid = 0;
    for (const lot of m.lots
      .filter((l) => l.state === 'available' && l.remaining > 0 && (l.expiresAt ?? Infinity) > now)
      .sort(byExpiry)) {
      const take = Math.min(Math.min(want, m.debt) - paid, lot.remaining);
      if (take <= 0) break;
      lot.remaining -= take;
      paid += take;
    }
    m.debt -= paid;
    m.available += want - paid;
    return want;
  }

  release(journalId: string): void {
    const lot = [...this.members.values()].flatMap((m) => m.lots).find((l) => l.journalId === journalId);
    if (!lot || lot.state !== 'pending' || lot.remaining === 0) throw new Refused('LOT_NOT_FOUND');
    const m = [...this.members.values()].find((mm) => mm.lots.includes(lot))!;
    const toDebt = Math.min(lot.remaining, m.debt);
    m.pending -= lot.remaining;
    m.debt -= toDebt;
    m.available += lot.remaining - toDebt;
    lot.remaining -= toDebt;
    lot.state = 'available';
  }

  expire(memberId: string, asOf: number): number {
    const m = this.member(memberId);
    let total = 0;
    for (const lot of m.lots) {
      if (lot.state === 'available' && lot.remaining > 0 && lot.expiresAt !== null && lot.expiresAt <= asOf) {
        total += lot.remaining;
        lot.remaining = 0;
      }
    }
    m.available -= total;
    return total;
  }
}
