import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  NotFoundException,
} from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE, type Problem } from '@tally/domain';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { AppException, RateLimitedException } from '../exceptions/app.exception.js';
import { buildProblem, codeForStatus, frameworkErrorDetail } from './problem.js';

/** Turns anything thrown by a route into an RFC 9457 problem; unexpected errors are logged, never leaked. */
export function toProblem(error: unknown, request: FastifyRequest): Problem {
  const base = { instance: request.url, requestId: String(request.id) };
  if (error instanceof AppException) {
    return buildProblem(error.code, {
      ...base,
      detail: error.detail,
      errors: error.fieldErrors,
      extensions: error.extensions,
    });
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return buildProblem(codeForStatus(status), { ...base, detail: error.message });
  }
  const status = (error as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's own errors (bad JSON, wrong content type, body too large, bad URL) are client errors.
    return buildProblem(codeForStatus(status), { ...base, detail: frameworkErrorDetail(error as Error) });
  }
  if (isConnectionError(error)) {
    request.log.error({ err: error }, 'database unavailable');
    return buildProblem('DATABASE_UNAVAILABLE', base);
  }
  request.log.error({ err: error }, 'unhandled error');
  return buildProblem('INTERNAL', {
    ...base,
    detail: 'Something went wrong on our side; it has been logged.',
  });
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return (
    typeof code === 'string' &&
    (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code.startsWith('08') || code === '57P01')
  );
}

export function sendProblem(reply: FastifyReply, problem: Problem): void {
  void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
}

/** Answers an unknown path itself (a front end's client-side route) and returns true, or returns false. */
export type NotFoundFallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly notFoundFallback?: NotFoundFallback) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    if (exception instanceof NotFoundException && this.notFoundFallback?.(request, reply)) return;
    if (exception instanceof RateLimitedException)
      void reply.header('retry-after', String(Math.max(1, Math.ceil(exception.retryAfterSeconds))));
    sendProblem(reply, toProblem(exception, request));
  }
}
