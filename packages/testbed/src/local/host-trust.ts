import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { LocalLayout } from './layout.js';

const MARK = '# opsctl-local';

/**
 * Lets the host's Docker engine push to the local registry under the same name the droplets use:
 * `registry.opsctl.local` resolves to 127.0.0.1 (the registry's published port) and the local CA is
 * trusted for that registry only (/etc/docker/certs.d). `removeHostTrust` undoes both exactly.
 */
export async function installHostTrust(
  layout: LocalLayout,
  caCert: string,
  hostsFile = '/etc/hosts',
): Promise<void> {
  const hosts = await readFile(hostsFile, 'utf8');
  const kept = hosts.split('\n').filter((l) => !l.endsWith(MARK));
  const line = `127.0.0.1 ${layout.registryHost} ${MARK}`;
  const next = `${kept.join('\n').replace(/\n*$/, '\n')}${line}\n`;
  if (next !== hosts) await writeFile(hostsFile, next);
  const target = certsDir(layout);
  await mkdir(target, { recursive: true });
  await copyFile(caCert, join(target, 'ca.crt'));
}

export async function removeHostTrust(
  layout: LocalLayout,
  hostsFile = '/etc/hosts',
): Promise<void> {
  const hosts = await readFile(hostsFile, 'utf8');
  const kept = hosts.split('\n').filter((l) => !l.endsWith(MARK));
  if (kept.length !== hosts.split('\n').length) await writeFile(hostsFile, kept.join('\n'));
  await rm(certsDir(layout), { recursive: true, force: true });
}

const certsDir = (layout: LocalLayout): string =>
  join('/etc/docker/certs.d', `${layout.registryHost}:${layout.registryPort}`);

export const dockerCertsRoot = (layout: LocalLayout): string => dirname(certsDir(layout));
