import { Injectable } from '@nestjs/common';
import { type LedgerVerifyReport } from '@tally/domain';
import { INVARIANT_QUERIES, LedgerInvariantsRepository } from './ledger-invariants.repository.js';

/** Checks the ledger invariants; used by the admin endpoint, the `ledger:verify` command and the tests. */
@Injectable()
export class LedgerVerifyService {
  constructor(private readonly repository: LedgerInvariantsRepository) {}

  async verify(): Promise<LedgerVerifyReport> {
    const checks = [];
    for (const query of INVARIANT_QUERIES) {
      const violations = await this.repository.violations(query);
      checks.push({
        name: query.name,
        ok: violations.length === 0,
        detail:
          violations.length === 0
            ? query.description
            : `${query.description}: broken by ${violations.map((v) => `${v.ref} (${v.detail})`).join('; ')}`,
      });
    }
    return { ok: checks.every((c) => c.ok), checkedAt: new Date().toISOString(), checks };
  }
}
