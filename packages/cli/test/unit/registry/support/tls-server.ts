import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestServer {
  /** host:port on loopback */
  readonly address: string;
  /** PEM of the self-signed certificate (for https), to pass as the client's CA. */
  readonly ca: string;
  close(): Promise<void>;
}

export interface Certificate {
  readonly key: string;
  readonly cert: string;
}

/**
 * A self-signed certificate for 127.0.0.1 and 127.0.0.2 (both loopback on Linux: a second host
 * for tests that need "another server"), made with openssl in a temp folder.
 */
export function selfSigned(): Certificate {
  const dir = mkdtempSync(join(tmpdir(), 'opsctl-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,IP:127.0.0.2',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const pair = {
    key: readFileSync(join(dir, 'key.pem'), 'utf8'),
    cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
  };
  rmSync(dir, { recursive: true, force: true });
  return pair;
}

async function listen(server: Server, ca: string, host: string): Promise<TestServer> {
  await new Promise<void>((resolve) => {
    server.listen(0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    address: `${host}:${port}`,
    ca,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

export function startHttpsServer(
  handler: RequestListener,
  options: { readonly host?: string; readonly tls?: Certificate } = {},
): Promise<TestServer> {
  const { key, cert } = options.tls ?? selfSigned();
  return listen(createHttpsServer({ key, cert }, handler), cert, options.host ?? '127.0.0.1');
}

export function startHttpServer(handler: RequestListener): Promise<TestServer> {
  return listen(createHttpServer(handler), '', '127.0.0.1');
}
