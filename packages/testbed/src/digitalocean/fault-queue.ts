import { ApiFailure } from './api-failure.js';

export interface FaultSpec {
  /** 429 (rate limited) or a 5xx status. */
  readonly status: number;
  /** How many of the next requests get this answer. */
  readonly count: number;
  /** For 429: the retry-after header in seconds (1 by default). */
  readonly retryAfterSeconds?: number;
}

/** Answers the next N authenticated requests with a failure, so clients' retries can be tested. */
export class FaultQueue {
  private readonly queue: ApiFailure[] = [];

  inject(spec: FaultSpec): void {
    if (spec.status !== 429 && (spec.status < 500 || spec.status > 599)) {
      throw new Error(`fault status must be 429 or 5xx, got ${spec.status}`);
    }
    for (let i = 0; i < spec.count; i++) this.queue.push(failureFor(spec));
  }

  next(): ApiFailure | undefined {
    return this.queue.shift();
  }

  get pending(): number {
    return this.queue.length;
  }
}

function failureFor(spec: FaultSpec): ApiFailure {
  if (spec.status === 429) {
    return new ApiFailure(429, 'too_many_requests', 'API Rate limit exceeded.', {
      'retry-after': String(spec.retryAfterSeconds ?? 1),
    });
  }
  return new ApiFailure(spec.status, 'server_error', 'Unexpected server-side error');
}
