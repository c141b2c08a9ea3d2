import { HttpFailure } from './http-failure.js';

export interface FailureRule {
  readonly method: string;
  /** Matched against the request path. */
  readonly path: RegExp;
  readonly status: number;
  readonly body: unknown;
  /** How many matching requests fail (default 1). */
  readonly times?: number;
}

/** Failures a test asks for, answered to the next matching requests (after authentication). */
export class InjectedFailures {
  readonly #rules: { rule: FailureRule; left: number }[] = [];

  add(rule: FailureRule): void {
    this.#rules.push({ rule, left: rule.times ?? 1 });
  }

  take(method: string, path: string): HttpFailure | undefined {
    const hit = this.#rules.find(
      (r) => r.left > 0 && r.rule.method === method && r.rule.path.test(path),
    );
    if (hit === undefined) return undefined;
    hit.left -= 1;
    return new HttpFailure(hit.rule.status, hit.rule.body);
  }
}
