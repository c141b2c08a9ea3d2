import { createServer, type Server } from 'node:https';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { TestCertificate } from './test-ca.js';

/**
 * A Spaces endpoint stand-in: s3rver behind TLS at a given address, answering for the region
 * endpoint's own host name (e.g. fra1.digitaloceanspaces.com) and for buckets addressed as
 * <bucket>.<that host>, as s3cmd addresses Spaces. s3rver checks the access key id (S3RVER), not
 * signatures.
 */
export interface SpacesStandIn {
  readonly accessKeyId: string;
  /** Where s3rver keeps objects: <directory>/<bucket>/<key>._S3rver_object. */
  readonly directory: string;
  readonly object: (bucket: string, key: string) => Promise<Buffer>;
  readonly close: () => Promise<void>;
}

export interface SpacesStandInOptions {
  /** The region endpoint's host name the clients use. */
  host: string;
  /** The local address to listen on (one only the intended clients reach) and its port. */
  address: string;
  port: number;
  buckets: readonly string[];
  certificate: TestCertificate;
}

/**
 * s3rver reads a bucket from the host name only in AWS's form <bucket>.s3.<domain>: Spaces'
 * <bucket>.<region host> is rewritten to that form before s3rver sees the request.
 */
function awsForm(requestHost: string, host: string): string {
  const name = requestHost.replace(/:\d+$/, '');
  if (name === host) return `s3.${host}`;
  if (name.endsWith(`.${host}`)) return `${name.slice(0, -host.length - 1)}.s3.${host}`;
  return requestHost;
}

export async function startSpacesStandIn(options: SpacesStandInOptions): Promise<SpacesStandIn> {
  const directory = await mkdtemp(join(tmpdir(), 'opsctl-spaces-'));
  const s3 = new S3rver({
    directory,
    silent: true,
    serviceEndpoint: options.host,
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  await s3.configureBuckets();
  const handle = s3.callback();
  const server: Server = createServer(
    { key: options.certificate.key, cert: options.certificate.cert },
    (request, response) => {
      request.headers.host = awsForm(request.headers.host ?? '', options.host);
      handle(request, response);
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.address, () => {
      resolve();
    });
  });
  return {
    accessKeyId: 'S3RVER',
    directory,
    object: (bucket, key) => readFile(join(directory, bucket, `${key}._S3rver_object`)),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      await rm(directory, { recursive: true, force: true });
    },
  };
}
