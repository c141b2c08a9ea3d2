export interface RateLimitState {
  readonly limit: number;
  readonly remaining: number;
  /** Unix seconds when the oldest counted request stops counting. */
  readonly reset: number;
}

const HOUR_MS = 3_600_000;

/**
 * DigitalOcean's model: each request counts for one hour after it was made (not a fixed
 * window), and `ratelimit-reset` is when the oldest counted request expires.
 */
export class RateLimiter {
  private readonly stamps: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a request if there is room; `allowed` is false once the hour's quota is spent. */
  take(): RateLimitState & { allowed: boolean } {
    const t = this.now();
    while (this.stamps.length > 0 && (this.stamps[0] ?? 0) <= t - HOUR_MS) this.stamps.shift();
    const allowed = this.stamps.length < this.limit;
    if (allowed) this.stamps.push(t);
    const oldest = this.stamps[0] ?? t;
    return {
      allowed,
      limit: this.limit,
      remaining: this.limit - this.stamps.length,
      reset: Math.ceil((oldest + HOUR_MS) / 1000),
    };
  }

  headers(state: RateLimitState): Record<string, string> {
    return {
      'ratelimit-limit': String(state.limit),
      'ratelimit-remaining': String(state.remaining),
      'ratelimit-reset': String(state.reset),
    };
  }
}
