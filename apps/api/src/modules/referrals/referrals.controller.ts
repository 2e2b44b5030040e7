import { Controller, Get, Param } from '@nestjs/common';
import {
  type MyReferrals,
  MyReferralsSchema,
  type ReferralCodeCheck,
  ReferralCodeCheckSchema,
} from '@tally/domain';
import { type Actor } from '../../common/auth/actor.js';
import { CurrentActor, Public, RequirePermission } from '../../common/auth/permission.decorator.js';
import { ApiDoc } from '../../common/decorators/api-doc.decorator.js';
import { ReferralsService } from './referrals.service.js';

@Controller('api/v1')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Get('me/referrals')
  @RequirePermission('profile:own')
  @ApiDoc({
    summary: 'My referral code and link, the friends who joined with it and their rewards',
    description:
      'Each friend shows only a first name (or a masked email) with the state: joined, first purchase pending (with the date the reward is due), rewarded, or not eligible with the reason.',
    tags: ['me'],
    responses: { 200: MyReferralsSchema },
  })
  mine(@CurrentActor() actor: Actor): Promise<MyReferrals> {
    return this.referrals.mine(actor);
  }

  @Get('referral-codes/:code')
  @Public()
  @ApiDoc({
    summary: 'Whether a referral code can be used to join',
    description: 'Only valid or not: it names nobody, so guessing codes reveals nothing about members.',
    tags: ['members'],
    responses: { 200: ReferralCodeCheckSchema },
  })
  check(@Param('code') code: string): Promise<ReferralCodeCheck> {
    return this.referrals.check(code);
  }
}
