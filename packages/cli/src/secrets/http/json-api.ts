import { setTimeout as sleep } from 'node:timers/promises';
import { redactedExcerpt } from '../redacted-excerpt.js';
import { SecretsApiFailure } from './api-failure.js';

export interface JsonApiOptions {
  readonly api: 'GitHub' | 'Vercel';
  readonly baseUrl: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly fetch?: typeof fetch;
  /** Attempts for 429, 5xx and network errors (default 3). */
  readonly attempts?: number;
  /** Longest wait between attempts (default 10 s); a longer Retry-After is reported instead. */
  readonly maxWaitMs?: number;
  readonly signal?: AbortSignal | undefined;
}

export interface JsonAnswer {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON, or undefined for an empty body. */
  readonly body: unknown;
}

export interface JsonRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A path under the base URL, or an absolute URL the API handed out (a next page). */
  readonly target: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly body?: unknown;
}

/**
 * The one way opsctl talks to GitHub's and Vercel's REST APIs: JSON in and out, bounded retries
 * for rate limits and server errors, and requests only to the configured origin, so a token never
 * follows a link elsewhere. Statuses are returned, not thrown: 201, 204 and 404 all mean something.
 */
export class JsonApi {
  readonly #opts: JsonApiOptions;
  readonly #base: URL;

  constructor(opts: JsonApiOptions) {
    this.#opts = opts;
    this.#base = new URL(opts.baseUrl.endsWith('/') ? opts.baseUrl : `${opts.baseUrl}/`);
  }

  url(target: string, query: JsonRequest['query'] = {}): URL {
    const url = /^https?:\/\//.test(target)
      ? new URL(target)
      : new URL(target.replace(/^\//, ''), this.#base);
    if (url.origin !== this.#base.origin) {
      throw new SecretsApiFailure(
        this.#opts.api,
        0,
        `${this.#opts.api} linked to ${url.origin}, not ${this.#base.origin}`,
        'That is not an answer the API gives; check the API URL setting.',
      );
    }
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, v);
    return url;
  }

  async request(req: JsonRequest): Promise<JsonAnswer> {
    const url = this.url(req.target, req.query);
    const label = `${req.method} ${url.pathname}`;
    const attempts = this.#opts.attempts ?? 3;
    for (let n = 1; ; n++) {
      let answer: JsonAnswer | undefined;
      let failure: SecretsApiFailure | undefined;
      try {
        answer = await this.#send(req, url, label);
      } catch (error) {
        if (!(error instanceof SecretsApiFailure) || error.status !== 0) throw error;
        failure = error;
      }
      const status = answer?.status ?? 0;
      const retryable = failure !== undefined || status === 429 || status >= 500;
      if (!retryable || n >= attempts) {
        if (failure) throw failure;
        return answer as JsonAnswer;
      }
      const wait = waitMs(answer?.headers, n);
      if (wait > (this.#opts.maxWaitMs ?? 10_000)) return answer as JsonAnswer;
      await sleep(wait, undefined, { signal: this.#opts.signal });
    }
  }

  /** The credentials in the headers sent (whole, and without their `Bearer ` scheme word). */
  #credentialValues(): string[] {
    const auth = this.#opts.headers.authorization ?? this.#opts.headers.Authorization;
    return auth === undefined ? [] : [auth, auth.replace(/^\S+\s+/, '')];
  }

  async #send(req: JsonRequest, url: URL, label: string): Promise<JsonAnswer> {
    const headers: Record<string, string> = { accept: 'application/json', ...this.#opts.headers };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await (this.#opts.fetch ?? fetch)(url, {
        method: req.method,
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        ...(this.#opts.signal ? { signal: this.#opts.signal } : {}),
      });
    } catch (error) {
      if (this.#opts.signal?.aborted === true) throw error;
      const detail = (error as { cause?: { code?: string; message?: string } }).cause;
      const cause = detail?.code ?? detail?.message;
      throw new SecretsApiFailure(
        this.#opts.api,
        0,
        `${label}: could not reach ${url.origin}${cause === undefined ? '' : ` (${cause})`}`,
        `Check the ${this.#opts.api} API URL and the network.`,
      );
    }
    const text = await res.text();
    let body: unknown;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = { message: redactedExcerpt(text, 200, this.#credentialValues()) };
      }
    }
    return { status: res.status, headers: res.headers, body };
  }
}

function waitMs(headers: Headers | undefined, attempt: number): number {
  const retryAfter = Number(headers?.get('retry-after'));
  if (Number.isFinite(retryAfter) && retryAfter > 0) return retryAfter * 1000;
  const reset = Number(headers?.get('x-ratelimit-reset'));
  if (headers?.get('x-ratelimit-remaining') === '0' && Number.isFinite(reset) && reset > 0) {
    return Math.max(0, reset * 1000 - Date.now());
  }
  return 250 * 2 ** (attempt - 1);
}
