import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { docker } from './docker-cli.js';
import { containerName } from './layout.js';
import { labelArgs, type LocalContext } from './context.js';
import { waitFor } from './wait.js';

export const REGISTRY_IMAGE = 'opsctl-local/registry:2';

/** The registry's configuration: TLS, htpasswd, deletes enabled (so retention can delete). */
export function registryConfig(port: number): string {
  return [
    'version: 0.1',
    'log:',
    '  level: info',
    'storage:',
    '  filesystem:',
    '    rootdirectory: /var/lib/registry',
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: :${port}`,
    '  tls:',
    '    certificate: /etc/opsctl-registry/registry.crt',
    '    key: /etc/opsctl-registry/registry.key',
    'auth:',
    '  htpasswd:',
    '    realm: opsctl-local',
    '    path: /etc/opsctl-registry/htpasswd',
    '',
  ].join('\n');
}

export const registryContainer = (ctx: LocalContext): string =>
  containerName(ctx.layout, 'registry');

export async function startRegistry(ctx: LocalContext): Promise<void> {
  const { layout, credentials, keys } = ctx;
  const dir = join(ctx.stateDir, 'registry');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const { stdout: htpasswd } = await execa('htpasswd', [
    '-Bbn',
    credentials.registryUser,
    credentials.registryPassword,
  ]);
  await writeFile(join(dir, 'htpasswd'), `${htpasswd.trim()}\n`, { mode: 0o644 });
  await writeFile(join(dir, 'config.yml'), registryConfig(layout.registryPort), { mode: 0o644 });
  const volume = `${layout.prefix}-registry-data`;
  await docker(['volume', 'create', ...labelArgs(ctx), volume]);
  await docker([
    'run',
    '-d',
    '--name',
    registryContainer(ctx),
    ...labelArgs(ctx),
    '--network',
    layout.network,
    '--network-alias',
    layout.registryHost,
    '-v',
    `${volume}:/var/lib/registry`,
    '-v',
    `${join(dir, 'config.yml')}:/etc/opsctl-registry/config.yml:ro`,
    '-v',
    `${join(dir, 'htpasswd')}:/etc/opsctl-registry/htpasswd:ro`,
    '-v',
    `${keys.registryCert}:/etc/opsctl-registry/registry.crt:ro`,
    '-v',
    `${keys.registryKey}:/etc/opsctl-registry/registry.key:ro`,
    '-p',
    `127.0.0.1:${layout.registryPort}:${layout.registryPort}`,
    REGISTRY_IMAGE,
  ]);
  await waitFor(
    'the registry to answer over TLS',
    async () => {
      const res = await execa(
        'curl',
        [
          '-s',
          '-o',
          '/dev/null',
          '-w',
          '%{http_code}',
          '--cacert',
          keys.caCert,
          '--resolve',
          `${layout.registryHost}:${layout.registryPort}:127.0.0.1`,
          `https://${layout.registryHost}:${layout.registryPort}/v2/`,
        ],
        { reject: false },
      );
      return res.stdout === '401';
    },
    30_000,
  );
}
