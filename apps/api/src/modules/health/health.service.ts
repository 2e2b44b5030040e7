import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type HealthResponse } from '@tally/domain';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { pendingMigrationCount } from '../../database/data-source.js';

@Injectable()
export class HealthService {
  private readonly startedAt = Date.now();
  private migrated = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(): Promise<HealthResponse> {
    const started = performance.now();
    let database: HealthResponse['database'];
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), 2000);
      const latencyMs = Math.round((performance.now() - started) * 100) / 100;
      // Once every migration has run, that stays true for this process: no need to ask again.
      const migrationsPending = this.migrated ? 0 : await pendingMigrationCount(this.dataSource);
      if (migrationsPending === 0) this.migrated = true;
      database = { status: 'up', kind: this.config.databaseKind, latencyMs, migrationsPending };
    } catch (error) {
      database = {
        status: 'down',
        kind: this.config.databaseKind,
        latencyMs: null,
        migrationsPending: null,
        error: error instanceof Error ? error.message : 'unknown error',
      };
    }
    const ready = database.status === 'up' && database.migrationsPending === 0;
    return {
      status: ready ? 'ok' : 'degraded',
      version: this.config.version,
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
      time: new Date().toISOString(),
      database,
    };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
