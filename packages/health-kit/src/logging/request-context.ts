import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestScope {
  readonly requestId: string;
}

/**
 * Carries the current request's id through every async continuation of that request, so any
 * logger built with this context stamps it on every line without being passed the request.
 */
export class RequestContext {
  readonly #storage = new AsyncLocalStorage<RequestScope>();

  run<T>(scope: RequestScope, fn: () => T): T {
    return this.#storage.run(scope, fn);
  }

  get requestId(): string | undefined {
    return this.#storage.getStore()?.requestId;
  }
}
