import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  CloseAccountSchema,
  type Member,
  type MemberBalance,
  MemberBalanceSchema,
  type MemberExport,
  MemberExportSchema,
  MemberSchema,
  type MeResponse,
  MeResponseSchema,
  type PointsSummary,
  PointsSummarySchema,
  StatementQuerySchema,
  SignUpRequestSchema,
  type StatementPage,
  StatementPageSchema,
  UpdateProfileSchema,
} from '@tally/domain';
import { type Actor, type RequestContext } from '../../common/auth/actor.js';
import { Ctx, CurrentActor, Public, RequirePermission } from '../../common/auth/permission.decorator.js';
import { ApiDoc } from '../../common/decorators/api-doc.decorator.js';
import { MembersService } from './members.service.js';

@Controller('api/v1')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Post('members')
  @Public()
  @ApiDoc({
    summary: 'Join the programme (or enrol a member at the till)',
    description:
      'Anyone may sign up; staff and POS keys may enrol on a member’s behalf (audited). 409 EMAIL_TAKEN when the email is registered.',
    tags: ['members'],
    body: SignUpRequestSchema,
    responses: { 201: MemberSchema },
  })
  signUp(@Body() body: unknown, @Ctx() ctx: RequestContext): Promise<Member> {
    return this.members.signUp(body as never, ctx);
  }

  @Get('me')
  @RequirePermission('profile:own')
  @ApiDoc({ summary: 'My profile, balance and tier', tags: ['me'], responses: { 200: MeResponseSchema } })
  me(@CurrentActor() actor: Actor): Promise<MeResponse> {
    return this.members.me(actor);
  }

  @Get('me/points-summary')
  @RequirePermission('profile:own')
  @ApiDoc({
    summary:
      'My points explained: balance, pending by the day it becomes available, expiring soon, tier progress',
    description:
      'Expiring buckets are cumulative (within 60 days includes within 30). Pending points are grouped by the UTC day they become available.',
    tags: ['me'],
    responses: { 200: PointsSummarySchema },
  })
  pointsSummary(@CurrentActor() actor: Actor): Promise<PointsSummary> {
    return this.members.pointsSummary(actor);
  }

  @Patch('me')
  @RequirePermission('profile:own')
  @ApiDoc({
    summary: 'Change my profile',
    tags: ['me'],
    body: UpdateProfileSchema,
    responses: { 200: MeResponseSchema },
  })
  update(@CurrentActor() actor: Actor, @Body() body: unknown): Promise<MeResponse> {
    return this.members.updateMe(actor, body as never);
  }

  @Get('me/statement')
  @RequirePermission('profile:own')
  @ApiDoc({
    summary:
      'My statement: every ledger line with its reason, newest first; filter by kind (comma-separated) and date',
    tags: ['me'],
    query: StatementQuerySchema,
    responses: { 200: StatementPageSchema },
  })
  statement(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>): Promise<StatementPage> {
    return this.members.statement(actor, query);
  }

  @Get('me/statement.csv')
  @RequirePermission('profile:own')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="tally-statement.csv"')
  @ApiDoc({ summary: 'My whole statement as CSV', tags: ['me'], responses: { 200: null } })
  statementCsv(@CurrentActor() actor: Actor): Promise<string> {
    return this.members.statementCsv(actor);
  }

  @Get('me/export')
  @RequirePermission('profile:own')
  @Header('content-disposition', 'attachment; filename="tally-my-data.json"')
  @ApiDoc({
    summary: 'Everything Tally holds about me, as JSON',
    tags: ['me'],
    responses: { 200: MemberExportSchema },
  })
  export(@CurrentActor() actor: Actor): Promise<MemberExport> {
    return this.members.export(actor);
  }

  @Post('me/close')
  @HttpCode(204)
  @RequirePermission('profile:own')
  @ApiDoc({
    summary: 'Close my account: personal data erased, ledger records kept anonymously',
    tags: ['me'],
    body: CloseAccountSchema,
    responses: { 204: null },
  })
  close(@CurrentActor() actor: Actor, @Body() body: unknown): Promise<void> {
    return this.members.close(actor, body as never);
  }

  @Get('members/:id/balance')
  @RequirePermission('members:read')
  @ApiDoc({
    summary: 'A member’s balance and tier',
    tags: ['members'],
    responses: { 200: MemberBalanceSchema },
  })
  balance(@Param('id') id: string): Promise<MemberBalance> {
    return this.members.balanceOf(id);
  }
}
