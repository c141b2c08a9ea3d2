import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import type { LocalLayout } from './layout.js';
import { ensureCa, issueServerCertificate } from './pki.js';

/** Paths of the key material of the local environment, all under the state dir. */
export interface KeyPaths {
  readonly deployKey: string;
  readonly knownHosts: string;
  readonly authorizedKeysDir: string;
  readonly caCert: string;
  readonly registryCert: string;
  readonly registryKey: string;
  hostKey(droplet: string): string;
}

export function keyPaths(stateDir: string): KeyPaths {
  return {
    deployKey: join(stateDir, 'deploy_key'),
    knownHosts: join(stateDir, 'known_hosts'),
    authorizedKeysDir: join(stateDir, 'authorized_keys'),
    caCert: join(stateDir, 'pki', 'ca.crt'),
    registryCert: join(stateDir, 'pki', 'registry.crt'),
    registryKey: join(stateDir, 'pki', 'registry.key'),
    hostKey: (droplet) => join(stateDir, 'droplets', droplet, 'ssh_host_ed25519_key'),
  };
}

async function sshKey(path: string, comment: string): Promise<void> {
  if (existsSync(path)) return;
  await execa('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', path]);
}

/**
 * The deploy key (authorized for user `deploy` on every droplet), one host key per droplet and a
 * known_hosts file naming each droplet's two loopback SSH addresses, so clients verify host keys.
 */
export async function ensureSshKeys(stateDir: string, layout: LocalLayout): Promise<KeyPaths> {
  const paths = keyPaths(stateDir);
  await mkdir(paths.authorizedKeysDir, { recursive: true, mode: 0o755 });
  await sshKey(paths.deployKey, 'opsctl-local-deploy');
  await writeFile(
    join(paths.authorizedKeysDir, 'deploy'),
    await readFile(`${paths.deployKey}.pub`),
    {
      mode: 0o644,
    },
  );
  const lines: string[] = [];
  for (const d of layout.droplets) {
    await mkdir(join(stateDir, 'droplets', d.name), { recursive: true, mode: 0o700 });
    await sshKey(paths.hostKey(d.name), `${d.name}-host`);
    const [type, key] = (await readFile(`${paths.hostKey(d.name)}.pub`, 'utf8')).split(' ');
    for (const at of [`[127.0.0.1]:${d.sshPort}`, `[${d.address}]:${layout.dropletSshPort}`])
      lines.push(`${at} ${type ?? ''} ${key ?? ''}`);
  }
  await writeFile(paths.knownHosts, `${lines.join('\n')}\n`, { mode: 0o644 });
  return paths;
}

/** A CA of our own and a registry certificate it signed, for TLS like a hosted registry. */
export async function ensureRegistryTls(stateDir: string, layout: LocalLayout): Promise<KeyPaths> {
  const paths = keyPaths(stateDir);
  if (existsSync(paths.registryCert)) return paths;
  const ca = { cert: paths.caCert, key: join(stateDir, 'pki', 'ca.key') };
  await ensureCa(ca, 'opsctl local CA');
  await issueServerCertificate(ca, {
    cert: paths.registryCert,
    key: paths.registryKey,
    commonName: layout.registryHost,
    altNames: [`DNS:${layout.registryHost}`, 'DNS:localhost', 'IP:127.0.0.1'],
  });
  return paths;
}
