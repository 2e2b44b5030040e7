import { Controller, Get } from '@nestjs/common';
import { type LedgerVerifyReport, LedgerVerifyReportSchema } from '@tally/domain';
import { RequirePermission } from '../../common/auth/permission.decorator.js';
import { ApiDoc } from '../../common/decorators/api-doc.decorator.js';
import { LedgerVerifyService } from '../ledger/ledger-verify.service.js';

@Controller('api/v1/admin')
export class AdminController {
  constructor(private readonly verifier: LedgerVerifyService) {}

  @Get('ledger/verify')
  @RequirePermission('ledger:verify')
  @ApiDoc({
    summary: 'Check the ledger invariants',
    description:
      'Each of the six invariants with whether it holds and, when broken, a sample of what breaks it.',
    tags: ['admin'],
    responses: { 200: LedgerVerifyReportSchema },
  })
  verify(): Promise<LedgerVerifyReport> {
    return this.verifier.verify();
  }
}
