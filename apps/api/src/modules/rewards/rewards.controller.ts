import { Body, Controller, Get, Headers, Param, Patch, Post } from '@nestjs/common';
import {
  CreateRewardSchema,
  RedeemVoucherRequestSchema,
  type Reward,
  RewardSchema,
  UpdateRewardSchema,
  type Voucher,
  type VoucherResult,
  VoucherResultSchema,
  VoucherSchema,
} from '@tally/domain';
import { z } from 'zod';
import { type Actor, type RequestContext } from '../../common/auth/actor.js';
import { Ctx, CurrentActor, Public, RequirePermission } from '../../common/auth/permission.decorator.js';
import { ApiDoc } from '../../common/decorators/api-doc.decorator.js';
import { RewardsService } from './rewards.service.js';

@Controller('api/v1')
export class RewardsController {
  constructor(private readonly rewards: RewardsService) {}

  @Get('rewards')
  @Public()
  @ApiDoc({
    summary: 'The rewards on offer now',
    tags: ['rewards'],
    responses: { 200: z.array(RewardSchema) },
  })
  list(): Promise<Reward[]> {
    return this.rewards.list(true);
  }

  @Get('rewards/all')
  @RequirePermission('rewards:manage')
  @ApiDoc({
    summary: 'Every reward, archived and scheduled included',
    tags: ['rewards'],
    responses: { 200: z.array(RewardSchema) },
  })
  all(): Promise<Reward[]> {
    return this.rewards.list(false);
  }

  @Post('rewards')
  @RequirePermission('rewards:manage')
  @ApiDoc({
    summary: 'Add a reward to the catalogue',
    tags: ['rewards'],
    body: CreateRewardSchema,
    responses: { 201: RewardSchema },
  })
  create(@Body() body: unknown, @Ctx() ctx: RequestContext): Promise<Reward> {
    return this.rewards.create(body, ctx);
  }

  @Patch('rewards/:id')
  @RequirePermission('rewards:manage')
  @ApiDoc({
    summary: 'Change or archive a reward',
    tags: ['rewards'],
    body: UpdateRewardSchema,
    responses: { 200: RewardSchema },
  })
  update(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext): Promise<Reward> {
    return this.rewards.update(id, body, ctx);
  }

  @Post('me/rewards/:id/redeem')
  @RequirePermission('profile:own')
  @ApiDoc({
    summary: 'Spend my points on a reward: a single-use voucher',
    tags: ['me'],
    idempotent: true,
    responses: { 201: VoucherResultSchema },
  })
  async redeem(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<VoucherResult> {
    const { voucher, balance } = await this.rewards.redeem(actor.id, id, { actor, key, storeId: null, ctx });
    return { voucher, balance };
  }

  @Get('me/vouchers')
  @RequirePermission('profile:own')
  @ApiDoc({
    summary: 'My vouchers (active, used, cancelled, expired)',
    tags: ['me'],
    responses: { 200: z.array(VoucherSchema) },
  })
  vouchers(@CurrentActor() actor: Actor): Promise<Voucher[]> {
    return this.rewards.vouchers(actor.id);
  }

  @Post('me/vouchers/:id/cancel')
  @RequirePermission('profile:own')
  @ApiDoc({
    summary: 'Cancel an unused voucher: the points come back with their original expiry',
    tags: ['me'],
    responses: { 201: VoucherResultSchema },
  })
  cancel(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<VoucherResult> {
    return this.rewards.cancel(actor, id);
  }

  @Post('checkout/vouchers/redeem')
  @RequirePermission('checkout:redeem')
  @ApiDoc({
    summary: 'Take a voucher at the till (used exactly once)',
    tags: ['checkout'],
    body: RedeemVoucherRequestSchema,
    responses: { 201: VoucherSchema },
  })
  use(@Body() body: unknown, @Ctx() ctx: RequestContext): Promise<Voucher> {
    return this.rewards.use(body, ctx);
  }
}
