import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { execa } from 'execa';

export interface TlsMaterial {
  readonly caCertPath: string;
  readonly certPath: string;
  readonly keyPath: string;
}

/** A throwaway CA and a server certificate it signed for 127.0.0.1 and localhost. */
export async function makeTlsMaterial(dir: string): Promise<TlsMaterial> {
  const p = (name: string): string => join(dir, name);
  await execa('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=opsctl test CA',
    '-keyout',
    p('ca.key'),
    '-out',
    p('ca.crt'),
  ]);
  await execa('openssl', [
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=localhost',
    '-keyout',
    p('server.key'),
    '-out',
    p('server.csr'),
  ]);
  await writeFile(p('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  await execa('openssl', [
    'x509',
    '-req',
    '-days',
    '2',
    '-in',
    p('server.csr'),
    '-CA',
    p('ca.crt'),
    '-CAkey',
    p('ca.key'),
    '-CAcreateserial',
    '-extfile',
    p('server.ext'),
    '-out',
    p('server.crt'),
  ]);
  return { caCertPath: p('ca.crt'), certPath: p('server.crt'), keyPath: p('server.key') };
}
