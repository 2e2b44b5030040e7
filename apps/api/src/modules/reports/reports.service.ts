import { Injectable } from '@nestjs/common';
import { type LiabilityReport, LiabilityQuerySchema } from '@tally/domain';
import { toCsv } from '../../common/csv.js';
import { parseOrThrow } from '../../common/pipes/zod-validation.pipe.js';
import { ProgrammeService } from '../programme/programme.service.js';
import { ReportsRepository } from './reports.repository.js';

const CSV_COLUMNS = [
  'month',
  'issued',
  'reversed',
  'adjusted',
  'redeemed',
  'expired',
  'outstanding_end',
  'outstanding_value',
] as const;

/** The points liability: what members hold (and its money value) now, and how it moved each month. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly repository: ReportsRepository,
    private readonly programmes: ProgrammeService,
  ) {}

  async liability(query: unknown): Promise<LiabilityReport> {
    const { months } = parseOrThrow(LiabilityQuerySchema, query, ['query']);
    const programme = await this.programmes.get();
    const outstanding = await this.repository.outstanding();
    const rows = await this.repository.liabilityMonths(months);
    const available = Number(outstanding.available);
    const pending = Number(outstanding.pending);
    return {
      asOf: new Date().toISOString(),
      currency: programme.currency,
      pointValueMilli: programme.pointValueMilli,
      outstanding: {
        available,
        pending,
        held: Number(outstanding.held),
        debt: Number(outstanding.debt),
        valueMilli: (available + pending) * programme.pointValueMilli,
      },
      months: rows.map((r) => ({
        month: r.month,
        issued: Number(r.issued),
        reversed: Number(r.reversed),
        adjusted: Number(r.adjusted),
        redeemed: Number(r.redeemed),
        expired: Number(r.expired),
        outstandingEnd: Number(r.outstanding_end),
      })),
    };
  }

  /** The monthly rows as CSV; values are in the currency's major units with 3 decimals (milli precision). */
  async liabilityCsv(query: unknown): Promise<string> {
    const report = await this.liability(query);
    return toCsv(
      CSV_COLUMNS,
      report.months.map((m) => [
        m.month,
        m.issued,
        m.reversed,
        m.adjusted,
        m.redeemed,
        m.expired,
        m.outstandingEnd,
        moneyFromMilli(m.outstandingEnd * report.pointValueMilli, report.currency),
      ]),
    );
  }
}

/** Minor units × 1000 → major units as a plain decimal string (e.g. 12_345 GBP milli → "0.12345"). */
export function moneyFromMilli(valueMilli: number, currency: string): string {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const scale = 10 ** (digits + 3);
  const sign = valueMilli < 0 ? '-' : '';
  const abs = Math.abs(valueMilli);
  const whole = Math.floor(abs / scale);
  const fraction = String(abs % scale).padStart(digits + 3, '0');
  return `${sign}${whole}.${fraction}`;
}
