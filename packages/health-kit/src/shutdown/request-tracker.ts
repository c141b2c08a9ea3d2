import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * Counts requests in flight and, once draining starts, asks every client to close its
 * keep-alive connection after the current response (`Connection: close`). That turns each busy
 * connection into one that ends cleanly by itself, instead of one we must cut while the client
 * may be sending its next request.
 */
export class RequestTracker {
  readonly #server: Server;
  readonly #pending = new Set<ServerResponse>();
  #draining = false;
  #onIdle: (() => void) | undefined;

  constructor(server: Server) {
    this.#server = server;
    // Prepended so we see the request before a framework can answer it synchronously.
    server.prependListener('request', this.#onRequest);
  }

  get inFlight(): number {
    return this.#pending.size;
  }

  /** From now on every response not yet started carries `Connection: close`. */
  startDraining(): void {
    this.#draining = true;
    for (const res of this.#pending) closeAfter(res);
  }

  /** Called whenever a response finishes while draining, so idle sockets can be let go. */
  onResponseDone(callback: () => void): void {
    this.#onIdle = callback;
  }

  dispose(): void {
    this.#server.off('request', this.#onRequest);
  }

  readonly #onRequest = (_req: IncomingMessage, res: ServerResponse): void => {
    this.#pending.add(res);
    if (this.#draining) closeAfter(res);
    res.once('close', () => {
      this.#pending.delete(res);
      if (this.#draining) this.#onIdle?.();
    });
  };
}

function closeAfter(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('connection', 'close');
}
