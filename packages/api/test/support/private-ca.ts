import { chmod, chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from './child-process.js';

export interface PrivateCa {
  readonly dir: string;
  /** PEM of the CA, as Terraform's digitalocean_database_ca gives it. */
  readonly caPem: string;
  readonly certFile: string;
  readonly keyFile: string;
  /** Lets `owner` read the server key (PostgreSQL refuses a key others can read). */
  giveKeyTo(owner: { uid: number; gid: number } | undefined): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * A private CA and a server certificate for 127.0.0.1 signed by it, as a managed database's
 * per-cluster CA signs its server's certificate. Made with openssl in a throwaway directory.
 */
export async function makePrivateCa(): Promise<PrivateCa> {
  const dir = await mkdtemp('/tmp/opsctl-api-ca-');
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => run('openssl', args);
  await openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=opsctl test database CA',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.crt'),
  );
  await openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    file('server.key'),
    '-out',
    file('server.csr'),
  );
  await writeFile(file('san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  await openssl(
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.crt'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    file('san.ext'),
    '-out',
    file('server.crt'),
  );
  await chmod(file('server.key'), 0o600);
  return {
    dir,
    caPem: await readFile(file('ca.crt'), 'utf8'),
    certFile: file('server.crt'),
    keyFile: file('server.key'),
    giveKeyTo: async (owner) => {
      if (owner === undefined) return;
      await chown(dir, owner.uid, owner.gid);
      await chown(file('server.key'), owner.uid, owner.gid);
      await chown(file('server.crt'), owner.uid, owner.gid);
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
