import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { RequestContext } from './request-context.js';
import { REQUEST_ID_HEADER, resolveRequestId } from './request-id.js';

export interface RequestMiddlewareOptions {
  logger: Logger;
  context: RequestContext;
  /** Paths logged at debug rather than info: health probes arrive every few seconds. */
  quietPaths?: readonly string[];
}

export type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * Connect/Express-style middleware: gives each request an id (the client's `X-Request-Id` or a
 * new one), echoes it in the response, runs the rest of the chain inside the request context so
 * every log line carries it, and logs one line when the response ends.
 */
export function createRequestMiddleware(options: RequestMiddlewareOptions): NodeMiddleware {
  const quiet = new Set(options.quietPaths ?? ['/health', '/health/live']);
  return (req, res, next) => {
    const requestId = resolveRequestId(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const started = process.hrtime.bigint();
    res.once('close', () => {
      const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
      const status = res.statusCode;
      const level = quiet.has(path)
        ? 'debug'
        : status >= 500
          ? 'error'
          : status >= 400
            ? 'warn'
            : 'info';
      const fields: Record<string, unknown> = {
        requestId,
        method: req.method,
        // The path only: a query string carries tokens and personal data (`?token=`, `?email=`).
        path,
        statusCode: status,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        completed: res.writableFinished,
      };
      if (options.logger.isLevelEnabled('debug')) fields.headers = req.headers;
      options.logger[level](fields, 'request completed');
    });
    options.context.run({ requestId }, next);
  };
}
