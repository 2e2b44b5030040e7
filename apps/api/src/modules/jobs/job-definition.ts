/** One background job: a step that catches up on everything due by `now` and is safe to run twice. */
export interface JobDefinition {
  name: string;
  intervalMs: number;
  run(now: Date): Promise<Record<string, unknown>>;
}

export const JOB_DEFINITIONS = Symbol('JOB_DEFINITIONS');
