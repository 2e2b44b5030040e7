import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import {
  type Approval,
  ApprovalDecisionSchema,
  ApprovalDenialSchema,
  ApprovalQuerySchema,
  ApprovalSchema,
  CheckoutEarnRequestSchema,
  type CheckoutEarnResponse,
  CheckoutEarnResponseSchema,
  CheckoutRedeemRequestSchema,
  type CheckoutRedeemResponse,
  CheckoutRedeemResponseSchema,
  CheckoutRefundRequestSchema,
  type CheckoutRefundResponse,
  CheckoutRefundResponseSchema,
  MemberLookupQuerySchema,
  type MemberReceipt,
  MemberReceiptSchema,
  type MemberSummary,
  MemberSummarySchema,
} from '@tally/domain';
import { type FastifyReply } from 'fastify';
import { z } from 'zod';
import { type Actor, type RequestContext } from '../../common/auth/actor.js';
import { Ctx, CurrentActor, RequirePermission } from '../../common/auth/permission.decorator.js';
import { ApiDoc } from '../../common/decorators/api-doc.decorator.js';
import { CheckoutService, type Replayable } from './checkout.service.js';

function reply<T>(res: FastifyReply, result: Replayable<T>): T {
  void res.status(result.status);
  if (result.replayed) void res.header('idempotent-replayed', 'true');
  return result.body;
}

@Controller('api/v1/checkout')
export class CheckoutController {
  constructor(private readonly checkout: CheckoutService) {}

  @Post('earn')
  @RequirePermission('checkout:earn')
  @ApiDoc({
    summary: 'Award points for a receipt',
    description:
      '201 with the points and one explained line per source. A cashier above their limits gets 202 pending_approval instead. A receipt id earns once per store (409 RECEIPT_ALREADY_CREDITED). Same Idempotency-Key and body: the first response again with Idempotent-Replayed: true; different body: 409.',
    tags: ['checkout'],
    body: CheckoutEarnRequestSchema,
    idempotent: true,
    responses: { 201: CheckoutEarnResponseSchema, 202: CheckoutEarnResponseSchema },
  })
  async earn(
    @Body() body: unknown,
    @Ctx() ctx: RequestContext,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CheckoutEarnResponse> {
    return reply(res, await this.checkout.earn(body as never, ctx, key));
  }

  @Post('redeem')
  @RequirePermission('checkout:redeem')
  @ApiDoc({
    summary: 'Spend points towards a receipt',
    description: '422 INSUFFICIENT_POINTS when the balance is short; nothing is written.',
    tags: ['checkout'],
    body: CheckoutRedeemRequestSchema,
    idempotent: true,
    responses: { 201: CheckoutRedeemResponseSchema },
  })
  async redeem(
    @Body() body: unknown,
    @Ctx() ctx: RequestContext,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CheckoutRedeemResponse> {
    return reply(res, await this.checkout.redeem(body as never, ctx, key));
  }

  @Post('refund')
  @RequirePermission('checkout:refund')
  @ApiDoc({
    summary: 'Refund a receipt (whole, or some lines): its points come back out in proportion',
    description:
      'Never more than the receipt earned across all its refunds; points already spent follow the programme’s refund policy (debt by default).',
    tags: ['checkout'],
    body: CheckoutRefundRequestSchema,
    idempotent: true,
    responses: { 201: CheckoutRefundResponseSchema },
  })
  async refund(
    @Body() body: unknown,
    @Ctx() ctx: RequestContext,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CheckoutRefundResponse> {
    return reply(res, await this.checkout.refund(body as never, ctx, key));
  }
}

@Controller('api/v1')
export class CheckoutLookupController {
  constructor(private readonly checkout: CheckoutService) {}

  @Get('members/lookup')
  @RequirePermission('members:read')
  @ApiDoc({
    summary: 'Find a member by card number, email or phone',
    tags: ['members'],
    query: MemberLookupQuerySchema,
    responses: { 200: MemberSummarySchema },
  })
  lookup(@Query() query: Record<string, string>): Promise<MemberSummary> {
    return this.checkout.lookup(query);
  }

  @Get('me/receipts/:id')
  @RequirePermission('profile:own')
  @ApiDoc({
    summary: 'One of my receipts: its lines and how each point was earned',
    tags: ['me'],
    responses: { 200: MemberReceiptSchema },
  })
  receipt(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<MemberReceipt> {
    return this.checkout.memberReceipt(actor, id);
  }

  @Get('approvals')
  @RequirePermission('approvals:decide')
  @ApiDoc({
    summary: 'Approval requests of my stores (admins: all)',
    tags: ['approvals'],
    query: ApprovalQuerySchema,
    responses: { 200: z.array(ApprovalSchema) },
  })
  approvals(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>): Promise<Approval[]> {
    return this.checkout.listApprovals(actor, query);
  }

  @Post('approvals/:id/approve')
  @RequirePermission('approvals:decide')
  @ApiDoc({
    summary: 'Approve: the award is made now',
    tags: ['approvals'],
    body: ApprovalDecisionSchema,
    responses: { 201: ApprovalSchema },
  })
  approve(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext): Promise<Approval> {
    return this.checkout.approve(id, body, ctx);
  }

  @Post('approvals/:id/deny')
  @RequirePermission('approvals:decide')
  @ApiDoc({
    summary: 'Deny, with a reason the cashier sees',
    tags: ['approvals'],
    body: ApprovalDenialSchema,
    responses: { 201: ApprovalSchema },
  })
  deny(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext): Promise<Approval> {
    return this.checkout.deny(id, body, ctx);
  }
}
