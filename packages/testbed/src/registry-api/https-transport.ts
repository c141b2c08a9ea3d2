import { Agent, request } from 'node:https';

export interface RegistryConnection {
  /** e.g. https://127.0.0.1:5443 */
  readonly url: string;
  readonly username: string;
  readonly password: string;
  /** PEM CA bundle that signed the registry's certificate (a private CA in the local environment). */
  readonly ca: string | Buffer;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

export interface RawRequest {
  readonly method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  /** A path (/v2/...) or an absolute URL the registry handed out (upload locations). */
  readonly target: string;
  readonly headers?: Record<string, string>;
  readonly body?: Buffer;
}

export type Transport = (req: RawRequest) => Promise<RawResponse>;

/** One HTTPS transport per connection: basic auth on every request, the private CA trusted. */
export function createTransport(conn: RegistryConnection): { send: Transport; close: () => void } {
  const agent = new Agent({ ca: conn.ca, keepAlive: true });
  const authorization = `Basic ${Buffer.from(`${conn.username}:${conn.password}`).toString('base64')}`;
  const send: Transport = (req) =>
    new Promise((resolve, reject) => {
      const url = new URL(req.target, conn.url);
      const headers: Record<string, string> = { ...req.headers, authorization };
      if (req.body) headers['content-length'] = String(req.body.length);
      const outgoing = request(url, { method: req.method, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          });
        });
        res.on('error', reject);
      });
      outgoing.on('error', reject);
      outgoing.end(req.body);
    });
  return {
    send,
    close: () => {
      agent.destroy();
    },
  };
}

export function header(res: RawResponse, name: string): string | undefined {
  const value = res.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
