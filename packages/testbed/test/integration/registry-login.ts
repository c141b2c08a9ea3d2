import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LocalLayout } from '../../src/local/layout.js';
import { localStatus } from '../../src/local/status.js';

export interface DockerLogin {
  readonly server: string;
  readonly username: string;
  readonly password: string;
}

/**
 * Registry credentials as a DigitalOcean user gets them: from the docker-credentials endpoint of
 * the stand-in (through the contract-checking proxy), decoded from the `auths` entry.
 */
export async function dockerCredentials(
  stateDir: string,
  layout: LocalLayout,
): Promise<DockerLogin> {
  const { doToken } = JSON.parse(await readFile(join(stateDir, 'credentials.json'), 'utf8')) as {
    doToken: string;
  };
  const { doApi } = await localStatus(stateDir);
  if (!doApi.running)
    throw new Error(`the DigitalOcean stand-in is not running (layout ${layout.prefix})`);
  const res = await fetch(
    `${doApi.url}/v2/registries/opsctl-local/docker-credentials?read_write=true`,
    {
      headers: { authorization: `Bearer ${doToken}` },
    },
  );
  if (!res.ok) throw new Error(`docker-credentials answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { auths: Record<string, { auth: string }> };
  const [server, entry] = Object.entries(body.auths)[0] ?? [];
  if (server === undefined || entry === undefined)
    throw new Error('docker-credentials returned no auths');
  const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return { server, username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
