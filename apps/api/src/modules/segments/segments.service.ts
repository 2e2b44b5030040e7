import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type ProblemFieldError,
  type Segment,
  type SegmentCount,
  SegmentCountRequestSchema,
  SegmentDefinitionSchema,
  type SegmentDetail,
  type SegmentPage,
  SegmentQuerySchema,
  type SegmentRule,
  SegmentUpdateSchema,
} from '@tally/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { type RequestContext, staffIdOf } from '../../common/auth/actor.js';
import { AppException, ValidationException } from '../../common/exceptions/app.exception.js';
import { decodeIdCursor, encodeIdCursor } from '../../common/pagination/id-cursor.js';
import { parseOrThrow } from '../../common/pipes/zod-validation.pipe.js';
import { AuditService } from '../audit/audit.service.js';
import { ProgrammeService } from '../programme/programme.service.js';
import { type EvaluationContext, type SegmentRow, SegmentsRepository } from './segments.repository.js';

/** Counts for the console are taken in UTC ("birthday this month"); the till uses the store's zone. */
const COUNT_TIME_ZONE = 'UTC';

/**
 * Segments: named rules over members that campaigns target. Marketing creates, edits (versioned, a
 * stale version is 409) and archives them; the console counts an unsaved definition while it is being
 * edited; the till asks which of a live campaign's segments one member is in. Membership is always
 * one SQL statement built from the rules, with every value a bound parameter.
 */
@Injectable()
export class SegmentsService {
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly repository: SegmentsRepository,
    private readonly programmes: ProgrammeService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Called after every saved change, so caches of definitions (the till's) drop them at once. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  async list(query: unknown): Promise<SegmentPage> {
    const { status, cursor, limit } = parseOrThrow(SegmentQuerySchema, query ?? {}, ['query']);
    const rows = await this.repository.page(
      status === 'archived',
      cursor ? decodeIdCursor(cursor, 's') : null,
      limit + 1,
    );
    return {
      items: rows.slice(0, limit).map(toSegment),
      nextCursor: rows.length > limit ? encodeIdCursor(rows[limit - 1]!.seq, 's') : null,
    };
  }

  async get(id: string): Promise<SegmentDetail> {
    parseOrThrow(z.uuid(), id, ['id']);
    const row = await this.repository.find(id);
    if (!row) throw new AppException('SEGMENT_NOT_FOUND');
    const at = countContext();
    const [memberCount, campaigns] = await Promise.all([
      this.repository.count(row.definition.rules, at),
      this.repository.campaignsUsing(id),
    ]);
    return { ...toSegment(row), memberCount, countedAt: at.now.toISOString(), campaigns };
  }

  /** The live count for a definition being edited (not saved). */
  async count(input: unknown): Promise<SegmentCount> {
    const { definition } = parseOrThrow(SegmentCountRequestSchema, input);
    await this.checkReferences(definition.rules, 'definition.rules');
    const at = countContext();
    return { members: await this.repository.count(definition.rules, at), countedAt: at.now.toISOString() };
  }

  async create(input: unknown, ctx: RequestContext): Promise<Segment> {
    const definition = parseOrThrow(SegmentDefinitionSchema, input);
    await this.checkReferences(definition.rules, 'rules');
    const row = await this.dataSource.transaction(async (manager) => {
      const created = await this.repository.insert(manager, definition, staffIdOf(ctx));
      if (created === 'name_taken') throw nameTaken('name');
      await this.audit.record(manager, ctx, {
        action: 'segment.created',
        targetType: 'segment',
        targetId: created.id,
        summary: { name: definition.name, rules: definition.rules.map((r) => r.kind) },
      });
      return created;
    });
    this.changed();
    return toSegment(row);
  }

  async update(id: string, input: unknown, ctx: RequestContext): Promise<Segment> {
    parseOrThrow(z.uuid(), id, ['id']);
    const { version, definition } = parseOrThrow(SegmentUpdateSchema, input);
    await this.checkReferences(definition.rules, 'definition.rules');
    const row = await this.dataSource.transaction(async (manager) => {
      const current = await this.repository.find(id, manager, true);
      if (!current) throw new AppException('SEGMENT_NOT_FOUND');
      if (current.archived_at) throw new AppException('SEGMENT_ARCHIVED');
      if (current.version !== version)
        throw new AppException(
          'SEGMENT_VERSION_CONFLICT',
          `Version ${current.version} was saved after the version ${version} you edited.`,
          [{ field: 'version', message: `is ${version}; the segment is at version ${current.version}` }],
        );
      const saved = await this.repository.save(manager, id, definition, staffIdOf(ctx));
      if (saved === 'name_taken') throw nameTaken('definition.name');
      await this.audit.record(manager, ctx, {
        action: 'segment.edited',
        targetType: 'segment',
        targetId: id,
        summary: {
          version: saved.version,
          changed: (['name', 'description', 'rules'] as const).filter(
            (k) => JSON.stringify(current.definition[k]) !== JSON.stringify(definition[k]),
          ),
        },
      });
      return saved;
    });
    this.changed();
    return toSegment(row);
  }

  /** Archives a segment; refused while a scheduled, live or paused campaign targets it. */
  async archive(id: string, ctx: RequestContext): Promise<Segment> {
    parseOrThrow(z.uuid(), id, ['id']);
    const row = await this.dataSource.transaction(async (manager) => {
      const current = await this.repository.find(id, manager, true);
      if (!current) throw new AppException('SEGMENT_NOT_FOUND');
      if (current.archived_at) return current;
      const using = (await this.repository.campaignsUsing(id, manager)).filter((c) => c.status !== 'draft');
      if (using.length > 0)
        throw new AppException(
          'SEGMENT_IN_USE',
          `${using.map((c) => `“${c.name}” (${c.status})`).join(', ')} ${using.length === 1 ? 'targets' : 'target'} this segment: end the campaign or take the segment out of its audience first.`,
        );
      const archived = await this.repository.archive(manager, id, staffIdOf(ctx));
      await this.audit.record(manager, ctx, {
        action: 'segment.archived',
        targetType: 'segment',
        targetId: id,
        summary: { name: current.definition.name },
      });
      return archived;
    });
    this.changed();
    return toSegment(row);
  }

  /**
   * For a campaign being saved or scheduled: every segment it names exists and is not archived (else a
   * 400 on `field`). The segments stay locked against archiving until the caller's transaction ends.
   */
  async requireUsable(manager: EntityManager, ids: readonly string[], field: string): Promise<void> {
    if (ids.length === 0) return;
    const rows = new Map((await this.repository.findForUse(manager, ids)).map((r) => [r.id, r]));
    const errors: ProblemFieldError[] = [];
    ids.forEach((id, i) => {
      const row = rows.get(id);
      if (!row) errors.push({ field: `${field}.${i}`, message: 'is not a saved segment' });
      else if (row.archived_at)
        errors.push({ field: `${field}.${i}`, message: `“${row.definition.name}” is archived` });
    });
    if (errors.length > 0) throw new ValidationException(errors);
  }

  /** The rules of these segments, by id, for the till's cache. */
  async rulesOf(ids: readonly string[]): Promise<Map<string, SegmentRule[]>> {
    const rows = await this.repository.definitions(ids);
    return new Map(rows.map((r) => [r.id, r.definition.rules]));
  }

  /** Which of these segments one member is in now, in one query. */
  membership(
    memberId: string,
    segments: readonly { id: string; rules: readonly SegmentRule[] }[],
    at: EvaluationContext,
  ): Promise<string[]> {
    return this.repository.membership(memberId, segments, at);
  }

  /** Tiers the programme has and stores that exist, or a 400 naming the rule's field. */
  private async checkReferences(rules: readonly SegmentRule[], field: string): Promise<void> {
    const errors: ProblemFieldError[] = [];
    if (rules.some((r) => r.kind === 'tier')) {
      const tiers = new Set((await this.programmes.get()).tiers.map((t) => t.id));
      rules.forEach((rule, i) => {
        if (rule.kind !== 'tier') return;
        const unknown = rule.tierIds.filter((id) => !tiers.has(id));
        if (unknown.length > 0)
          errors.push({
            field: `${field}.${i}.tierIds`,
            message: `names a tier the programme does not have: ${unknown.join(', ')}`,
          });
      });
    }
    const storeIds = rules.flatMap((r) => (r.kind === 'store' ? r.storeIds : []));
    if (storeIds.length > 0) {
      const known = new Set(await this.repository.knownStores([...new Set(storeIds)]));
      rules.forEach((rule, i) => {
        if (rule.kind !== 'store') return;
        if (rule.storeIds.some((id) => !known.has(id)))
          errors.push({ field: `${field}.${i}.storeIds`, message: 'names a store that does not exist' });
      });
    }
    if (errors.length > 0) throw new ValidationException(errors);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

const countContext = (): EvaluationContext => ({ now: new Date(), timeZone: COUNT_TIME_ZONE });

const nameTaken = (field: string) =>
  new AppException('SEGMENT_NAME_TAKEN', 'Another segment in use already has this name.', [
    { field, message: 'is already the name of another segment' },
  ]);

function toSegment(row: SegmentRow): Segment {
  return {
    id: row.id,
    version: row.version,
    definition: row.definition,
    archived: row.archived_at !== null,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
