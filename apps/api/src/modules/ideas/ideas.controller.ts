import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApproveIdeaSchema,
  ChangeIdeaStatusSchema,
  CreateIdeaCommentSchema,
  DeclineSpamSchema,
  FlagIdeaSchema,
  type Idea,
  type IdeaRewards,
  IdeaRewardsSchema,
  type IdeaComment,
  type IdeaCommentPage,
  IdeaCommentPageSchema,
  IdeaCommentQuerySchema,
  IdeaCommentSchema,
  type IdeaDetail,
  IdeaDetailSchema,
  type IdeaFlagResult,
  IdeaFlagResultSchema,
  IdeaListQuerySchema,
  type IdeaMergeResult,
  IdeaMergeResultSchema,
  type IdeaPage,
  IdeaPageSchema,
  IdeaSchema,
  MergeIdeaSchema,
  type ModerationQueuePage,
  ModerationQueuePageSchema,
  ModerationQueueQuerySchema,
  type MyImpact,
  MyImpactSchema,
  type Roadmap,
  RoadmapSchema,
  type ShippedWallPage,
  ShippedWallPageSchema,
  ShippedWallQuerySchema,
  type SimilarIdeas,
  SimilarIdeasQuerySchema,
  SimilarIdeasSchema,
  SubmitIdeaSchema,
  UpdateIdeaTagsSchema,
} from '@tally/domain';
import { type Actor, type RequestContext } from '../../common/auth/actor.js';
import { Ctx, CurrentActor, Public, RequirePermission } from '../../common/auth/permission.decorator.js';
import { ApiDoc } from '../../common/decorators/api-doc.decorator.js';
import { IdeasService } from './ideas.service.js';

const TAGS = ['ideas'];
const STAFF_TAGS = ['ideas', 'moderation'];

/**
 * The ideas board. Browsing, one idea, suggestions, the roadmap and the wall are public (a signed-in
 * member also sees their own vote and follow, and their own ideas waiting for review); taking part
 * needs a member session; moderating needs `ideas:moderate` (marketing, managers, admins).
 */
@Controller('api/v1')
export class IdeasController {
  constructor(private readonly ideas: IdeasService) {}

  @Post('ideas')
  @RequirePermission('profile:own')
  @ApiDoc({
    summary: 'Submit an idea (new or untrusted authors: waits for review)',
    description:
      'Trusted authors’ ideas open at once; others are `pending_review`. At most 5 submissions an hour (429 with Retry-After); the same title and description again is 409 IDEA_ALREADY_SUBMITTED naming the earlier idea. Text is stored and returned verbatim as plain text. Blocked members get 403 MEMBER_BLOCKED.',
    tags: TAGS,
    body: SubmitIdeaSchema,
    responses: { 201: IdeaSchema },
  })
  submit(@CurrentActor() actor: Actor, @Body() body: unknown): Promise<Idea> {
    return this.ideas.submit(actor, body);
  }

  @Get('ideas')
  @Public()
  @ApiDoc({
    summary: 'Browse ideas: search, sort top / new / trending, filter by state, tag and category',
    description:
      '`trending` sorts by votes cast in the last 7 days. Without `state`, every public state but declined and merged is listed. Keyset-paginated: the cursor belongs to the sort it came from.',
    tags: TAGS,
    query: IdeaListQuerySchema,
    responses: { 200: IdeaPageSchema },
  })
  list(@Ctx() ctx: RequestContext, @Query() query: unknown): Promise<IdeaPage> {
    return this.ideas.list(ctx.actor, query);
  }

  @Get('ideas/similar')
  @Public()
  @ApiDoc({
    summary: 'Up to five open ideas like the title being typed (prefix full-text search)',
    tags: TAGS,
    query: SimilarIdeasQuerySchema,
    responses: { 200: SimilarIdeasSchema },
  })
  similar(@Query() query: unknown): Promise<SimilarIdeas> {
    return this.ideas.similar(query);
  }

  @Get('ideas/roadmap')
  @Public()
  @ApiDoc({
    summary: 'The roadmap: planned, in progress and shipped ideas, most recently moved first',
    tags: TAGS,
    responses: { 200: RoadmapSchema },
  })
  roadmap(): Promise<Roadmap> {
    return this.ideas.roadmap();
  }

  @Get('ideas/wall')
  @Public()
  @ApiDoc({
    summary: '“Shipped thanks to you”: shipped ideas crediting their authors, newest first',
    tags: TAGS,
    query: ShippedWallQuerySchema,
    responses: { 200: ShippedWallPageSchema },
  })
  wall(@Query() query: unknown): Promise<ShippedWallPage> {
    return this.ideas.wall(query);
  }

  @Get('me/ideas/impact')
  @RequirePermission('profile:own')
  @ApiDoc({
    summary: 'My impact: my ideas and their states, supporters gained, bonuses, and what shipped',
    tags: ['me', 'ideas'],
    responses: { 200: MyImpactSchema },
  })
  impact(@CurrentActor() actor: Actor): Promise<MyImpact> {
    return this.ideas.myImpact(actor);
  }

  @Get('ideas/:id')
  @Public()
  @ApiDoc({
    summary: 'One idea with its status history and the first page of comments',
    tags: TAGS,
    responses: { 200: IdeaDetailSchema },
  })
  detail(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<IdeaDetail> {
    return this.ideas.detail(ctx.actor, id);
  }

  @Get('ideas/:id/comments')
  @Public()
  @ApiDoc({
    summary: 'An idea’s comments, oldest first (keyset-paginated)',
    tags: TAGS,
    query: IdeaCommentQuerySchema,
    responses: { 200: IdeaCommentPageSchema },
  })
  comments(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Query() query: unknown,
  ): Promise<IdeaCommentPage> {
    return this.ideas.comments(ctx.actor, id, query);
  }

  @Put('ideas/:id/vote')
  @RequirePermission('profile:own')
  @ApiDoc({
    summary: 'Vote for an idea (once; again changes nothing); voting follows it',
    description: '409 IDEA_NOT_VOTABLE unless the idea is open, under review, planned or in progress.',
    tags: TAGS,
    responses: { 200: IdeaSchema },
  })
  vote(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<Idea> {
    return this.ideas.vote(actor, id);
  }

  @Delete('ideas/:id/vote')
  @RequirePermission('profile:own')
  @ApiDoc({
    summary: 'Withdraw my vote (while the idea is open); I keep following it',
    tags: TAGS,
    responses: { 200: IdeaSchema },
  })
  withdraw(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<Idea> {
    return this.ideas.withdrawVote(actor, id);
  }

  @Put('ideas/:id/follow')
  @RequirePermission('profile:own')
  @ApiDoc({
    summary: 'Follow an idea (in-app notices and the daily digest)',
    tags: TAGS,
    responses: { 200: IdeaSchema },
  })
  follow(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<Idea> {
    return this.ideas.follow(actor, id, true);
  }

  @Delete('ideas/:id/follow')
  @RequirePermission('profile:own')
  @ApiDoc({ summary: 'Stop following an idea', tags: TAGS, responses: { 200: IdeaSchema } })
  unfollow(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<Idea> {
    return this.ideas.follow(actor, id, false);
  }

  @Post('ideas/:id/comments')
  @RequirePermission('profile:own')
  @ApiDoc({
    summary: 'Comment on an idea (plain text, at most 20 an hour)',
    tags: TAGS,
    body: CreateIdeaCommentSchema,
    responses: { 201: IdeaCommentSchema },
  })
  comment(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<IdeaComment> {
    return this.ideas.comment(actor, id, body);
  }

  @Post('ideas/:id/flags')
  @RequirePermission('profile:own')
  @ApiDoc({
    summary: 'Flag an idea for moderation (once per member; 3 flags send an open idea back to review)',
    tags: TAGS,
    body: FlagIdeaSchema,
    responses: { 201: IdeaFlagResultSchema },
  })
  flag(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Ctx() ctx: RequestContext,
  ): Promise<IdeaFlagResult> {
    return this.ideas.flag(actor, id, body, ctx);
  }

  // ---- staff ----

  @Get('admin/ideas/queue')
  @RequirePermission('ideas:moderate')
  @ApiDoc({
    summary: 'The review queue: ideas waiting for review and ideas members flagged, newest first',
    tags: STAFF_TAGS,
    query: ModerationQueueQuerySchema,
    responses: { 200: ModerationQueuePageSchema },
  })
  queue(@Query() query: unknown): Promise<ModerationQueuePage> {
    return this.ideas.queue(query);
  }

  @Get('admin/ideas/:id/rewards')
  @RequirePermission('ideas:moderate')
  @ApiDoc({
    summary:
      'The author’s bonuses for an idea: accepted and shipped, pending, available, cancelled or capped',
    description:
      '`points` is what was paid (0 when the quarterly cap left nothing), `cappedPoints` what the cap kept back; `availableAt` is when a pending accepted bonus is released. 404 IDEA_NOT_FOUND.',
    tags: STAFF_TAGS,
    responses: { 200: IdeaRewardsSchema },
  })
  rewards(@Param('id') id: string): Promise<IdeaRewards> {
    return this.ideas.rewards(id);
  }

  @Post('admin/ideas/:id/approve')
  @HttpCode(200)
  @RequirePermission('ideas:moderate')
  @ApiDoc({
    summary: 'Approve an idea waiting for review (→ open), optionally trusting its author; clears flags',
    tags: STAFF_TAGS,
    body: ApproveIdeaSchema,
    responses: { 200: IdeaSchema },
  })
  approve(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext): Promise<Idea> {
    return this.ideas.approve(id, body, ctx);
  }

  @Post('admin/ideas/:id/decline-spam')
  @HttpCode(200)
  @RequirePermission('ideas:moderate')
  @ApiDoc({
    summary: 'Decline an idea as spam and (by default) block its author from the board',
    tags: STAFF_TAGS,
    body: DeclineSpamSchema,
    responses: { 200: IdeaSchema },
  })
  declineSpam(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext): Promise<Idea> {
    return this.ideas.declineSpam(id, body, ctx);
  }

  @Post('admin/ideas/:id/status')
  @HttpCode(200)
  @RequirePermission('ideas:moderate')
  @ApiDoc({
    summary: 'Move an idea to its next state (or decline / reopen) with a public response',
    description:
      'The domain’s state machine decides: a refused change is 409 IDEA_TRANSITION_REFUSED saying why. Followers are told; reaching planned pays the author’s pending accepted bonus, shipping the shipped bonus; declining within the hold cancels the pending bonus.',
    tags: STAFF_TAGS,
    body: ChangeIdeaStatusSchema,
    responses: { 200: IdeaSchema },
  })
  changeStatus(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext): Promise<Idea> {
    return this.ideas.changeStatus(id, body, ctx);
  }

  @Post('admin/ideas/:id/merge')
  @HttpCode(200)
  @RequirePermission('ideas:moderate')
  @ApiDoc({
    summary: 'Merge an idea into another as a duplicate: votes and followers move, nobody counts twice',
    tags: STAFF_TAGS,
    body: MergeIdeaSchema,
    responses: { 200: IdeaMergeResultSchema },
  })
  merge(
    @Param('id') id: string,
    @Body() body: unknown,
    @Ctx() ctx: RequestContext,
  ): Promise<IdeaMergeResult> {
    return this.ideas.merge(id, body, ctx);
  }

  @Put('admin/ideas/:id/tags')
  @RequirePermission('ideas:moderate')
  @ApiDoc({
    summary: 'Replace an idea’s tags',
    tags: STAFF_TAGS,
    body: UpdateIdeaTagsSchema,
    responses: { 200: IdeaSchema },
  })
  setTags(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext): Promise<Idea> {
    return this.ideas.setTags(id, body, ctx);
  }

  @Post('admin/ideas/:id/answers')
  @RequirePermission('ideas:moderate')
  @ApiDoc({
    summary: 'Answer on an idea as staff (shown as “Staff answer”)',
    tags: STAFF_TAGS,
    body: CreateIdeaCommentSchema,
    responses: { 201: IdeaCommentSchema },
  })
  answer(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext): Promise<IdeaComment> {
    return this.ideas.staffAnswer(id, body, ctx);
  }
}
