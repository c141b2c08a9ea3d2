import { existsSync } from 'node:fs';
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { execa } from 'execa';

/** A private CA: its certificate (handed out) and its key (kept where it was made). */
export interface CertificateAuthority {
  readonly cert: string;
  readonly key: string;
}

/** A server certificate to issue: where its key and certificate go, and the names it answers to. */
export interface ServerCertificate {
  readonly cert: string;
  readonly key: string;
  readonly commonName: string;
  /** `DNS:name` or `IP:address` entries of subjectAltName. */
  readonly altNames: readonly string[];
  /** Mode of the key file (0600 unless a server running as another user must read it). */
  readonly keyMode?: number;
}

const DAYS = '825';

/**
 * Makes the CA once (kept afterwards), like a managed service's per-cluster CA. `subject` is the
 * common name: no `/`, which openssl reads as the start of another name part.
 */
export async function ensureCa(ca: CertificateAuthority, subject: string): Promise<void> {
  if (existsSync(ca.cert) && existsSync(ca.key)) return;
  await mkdir(dirname(ca.key), { recursive: true, mode: 0o700 });
  await execa('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    DAYS,
    '-subj',
    `/CN=${subject}`,
    '-keyout',
    ca.key,
    '-out',
    ca.cert,
  ]);
}

/**
 * Issues `server` signed by `ca` (a new key each time). The signing request and extensions are
 * temporary files beside the certificate; the CA key is only read where it is. The certificate
 * appears last and whole (renamed into place), so a server waiting for it finds its key ready.
 */
export async function issueServerCertificate(
  ca: CertificateAuthority,
  server: ServerCertificate,
): Promise<void> {
  await mkdir(dirname(server.cert), { recursive: true, mode: 0o700 });
  const csr = `${server.cert}.csr`;
  const ext = `${server.cert}.ext`;
  const issued = `${server.cert}.tmp`;
  await execa('openssl', [
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    `/CN=${server.commonName}`,
    '-keyout',
    server.key,
    '-out',
    csr,
  ]);
  await writeFile(ext, `subjectAltName=${server.altNames.join(',')}\n`);
  try {
    await execa('openssl', [
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      ca.cert,
      '-CAkey',
      ca.key,
      '-CAcreateserial',
      '-days',
      DAYS,
      '-extfile',
      ext,
      '-out',
      issued,
    ]);
    await chmod(server.key, server.keyMode ?? 0o600);
    await rename(issued, server.cert);
  } finally {
    await rm(issued, { force: true });
    await rm(csr, { force: true });
    await rm(ext, { force: true });
  }
}
