import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  type MarkedRead,
  MarkedReadSchema,
  type NotificationPage,
  NotificationPageSchema,
  NotificationQuerySchema,
  type UnreadCount,
  UnreadCountSchema,
} from '@tally/domain';
import { type Actor } from '../../common/auth/actor.js';
import { CurrentActor, RequirePermission } from '../../common/auth/permission.decorator.js';
import { ApiDoc } from '../../common/decorators/api-doc.decorator.js';
import { NotificationsService } from './notifications.service.js';

@Controller('api/v1/me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @RequirePermission('profile:own')
  @ApiDoc({
    summary: 'My notifications, newest first',
    tags: ['me'],
    query: NotificationQuerySchema,
    responses: { 200: NotificationPageSchema },
  })
  list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>): Promise<NotificationPage> {
    return this.notifications.list(actor, query);
  }

  @Get('unread-count')
  @RequirePermission('profile:own')
  @ApiDoc({
    summary: 'How many of my notifications are unread',
    tags: ['me'],
    responses: { 200: UnreadCountSchema },
  })
  unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCount> {
    return this.notifications.unreadCount(actor);
  }

  @Post('read-all')
  @RequirePermission('profile:own')
  @ApiDoc({
    summary: 'Mark all my notifications read',
    tags: ['me'],
    responses: { 200: MarkedReadSchema },
  })
  @HttpCode(200)
  markAllRead(@CurrentActor() actor: Actor): Promise<MarkedRead> {
    return this.notifications.markAllRead(actor);
  }

  @Post(':id/read')
  @HttpCode(204)
  @RequirePermission('profile:own')
  @ApiDoc({
    summary: 'Mark one of my notifications read (again is fine)',
    tags: ['me'],
    responses: { 204: null },
  })
  markRead(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    return this.notifications.markRead(actor, id);
  }
}
