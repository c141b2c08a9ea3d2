import type { z } from 'zod';
import { DigitalOceanApiError } from './api-error.js';
import { hintFor } from './error-hints.js';
import { redactToken } from './redact.js';
import { backoffMs, isRetryableStatus, retryAfterMs, type RetryPolicy } from './retry-policy.js';

export type Query = Record<string, string | number | boolean | undefined>;

export interface ApiCall<T> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** A path under the API origin (/v2/...), or an absolute URL the API handed out (a next page). */
  readonly target: string;
  readonly query?: Query;
  readonly body?: unknown;
  /** Validates the JSON answer; omitted for calls answered with 204. */
  readonly schema?: z.ZodType<T>;
}

export interface TransportOptions {
  readonly token: string;
  readonly baseUrl: URL;
  readonly fetch: typeof fetch;
  readonly sleep: (ms: number) => Promise<void>;
  readonly retry: RetryPolicy;
  readonly log: (line: string) => void;
  readonly userAgent: string;
}

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/**
 * The one place requests to DigitalOcean are made: bearer auth, retries (429 after retry-after,
 * 5xx and network errors with exponential backoff, bounded), validation of every answer, and
 * errors that say what failed and what to do, with the token scrubbed from anything shown.
 */
export class ApiTransport {
  constructor(private readonly opts: TransportOptions) {}

  url(target: string, query: Query = {}): URL {
    const url = new URL(target, this.opts.baseUrl);
    if (url.origin !== this.opts.baseUrl.origin) {
      // The token goes only where DIGITALOCEAN_API_URL points, whatever a response links to.
      throw this.error(
        0,
        'foreign_link',
        `the API linked to ${url.origin}, not ${this.opts.baseUrl.origin}`,
        'This is not an answer DigitalOcean gives; check DIGITALOCEAN_API_URL.',
      );
    }
    for (const [k, v] of Object.entries(query))
      if (v !== undefined) url.searchParams.set(k, String(v));
    return url;
  }

  async request<T>(call: ApiCall<T>): Promise<T> {
    const url = this.url(call.target, call.query);
    const label = `${call.method} ${url.pathname}${url.search}`;
    const answer = await this.withRetries(label, () => this.send(call, url, label));
    if (answer.status >= 400) throw this.failure(label, answer);
    if (!call.schema) return undefined as T;
    let json: unknown;
    try {
      json = JSON.parse(answer.text);
    } catch {
      throw this.invalid(label, answer.status, 'the body is not JSON');
    }
    const parsed = call.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw this.invalid(
        label,
        answer.status,
        `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'unexpected shape'}`,
      );
    }
    return parsed.data;
  }

  private async send(call: ApiCall<unknown>, url: URL, label: string): Promise<Answer> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.opts.token}`,
      accept: 'application/json',
      'user-agent': this.opts.userAgent,
    };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    try {
      const res = await this.opts.fetch(url, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
      });
      return { status: res.status, headers: res.headers, text: await res.text() };
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      const why =
        cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
      throw this.error(
        0,
        'network_error',
        `${label}: could not reach ${url.origin} (${this.scrub(why)})`,
        `Check DIGITALOCEAN_API_URL (${this.opts.baseUrl.origin}) and the network.`,
      );
    }
  }

  private async withRetries(label: string, attempt: () => Promise<Answer>): Promise<Answer> {
    const { retry } = this.opts;
    for (let n = 1; ; n++) {
      let answer: Answer | undefined;
      let failure: DigitalOceanApiError | undefined;
      try {
        answer = await attempt();
      } catch (err) {
        if (!(err instanceof DigitalOceanApiError)) throw err;
        failure = err;
      }
      const status = answer?.status ?? 0;
      const retryable = failure !== undefined || isRetryableStatus(status);
      if (!retryable || n >= retry.maxAttempts) {
        if (failure) throw failure;
        return answer as Answer;
      }
      let wait = backoffMs(retry, n);
      if (status === 429 && answer) {
        wait = retryAfterMs(answer.headers.get('retry-after'), Date.now()) ?? wait;
        if (wait > retry.maxRetryAfterMs) return answer; // the hourly quota is spent: say so now
      }
      this.opts.log(
        `DigitalOcean API ${label} answered ${status === 0 ? 'nothing' : String(status)}; retrying in ${(wait / 1000).toFixed(1)} s (attempt ${n + 1} of ${retry.maxAttempts})`,
      );
      await this.opts.sleep(wait);
    }
  }

  private failure(label: string, answer: Answer): DigitalOceanApiError {
    let id = `http_${answer.status}`;
    // Scrubbed before it is cut: a token cut in half would no longer match and its start would show.
    let message = this.scrub(answer.text).slice(0, 300);
    try {
      const body = JSON.parse(answer.text) as { id?: unknown; message?: unknown };
      if (typeof body.id === 'string' && typeof body.message === 'string')
        ({ id, message } = { id: body.id, message: body.message });
    } catch {
      // not JSON: keep the excerpt
    }
    const retried = isRetryableStatus(answer.status)
      ? ` (after ${this.opts.retry.maxAttempts} attempts)`
      : '';
    return this.error(
      answer.status,
      id,
      `${label} failed with ${answer.status} ${id}: ${this.scrub(message)}${retried}`,
      hintFor(answer.status, id),
    );
  }

  private invalid(label: string, status: number, why: string): DigitalOceanApiError {
    return this.error(
      status,
      'invalid_response',
      `${label} answered in an unexpected shape: ${this.scrub(why)}`,
      'The API answer does not match what opsctl expects: an API change or an opsctl bug; please report it.',
    );
  }

  private error(status: number, id: string, message: string, hint: string): DigitalOceanApiError {
    return new DigitalOceanApiError(status, id, this.scrub(message), hint);
  }

  private scrub(text: string): string {
    return redactToken(text, this.opts.token);
  }
}
