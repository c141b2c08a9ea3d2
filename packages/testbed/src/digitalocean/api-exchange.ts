/** A request as handlers see it: parsed query and JSON body, and the URL clients reach us at. */
export interface ApiRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  /** Origin for links in responses: the contract proxy's when one sits in front of us. */
  readonly baseUrl: string;
}

export interface ApiReply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export const ok = (body: unknown, status = 200): ApiReply => ({ status, body });
export const noContent = (): ApiReply => ({ status: 204 });
