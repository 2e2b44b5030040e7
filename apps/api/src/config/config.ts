import { readFileSync } from 'node:fs';
import { type Env } from './env.schema.js';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** The validated environment plus what start-up decided (which database the process talks to). */
export interface AppConfig {
  env: Env;
  databaseUrl: string;
  databaseKind: 'embedded' | 'server';
  version: string;
}

/** The API's version, from its package.json (works from src and from dist). */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
