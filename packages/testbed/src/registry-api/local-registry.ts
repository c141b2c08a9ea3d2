import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { directorySize } from './directory-size.js';
import type { RegistryConnection } from './https-transport.js';
import { registryConfigYaml } from './registry-config.js';
import type { RegistryMaintenance } from './registry-maintenance.js';
import { makeTlsMaterial } from './tls-material.js';
import { waitForChildLine } from './wait-for-child-line.js';

export interface LocalRegistry {
  readonly connection: RegistryConnection;
  /** host:port as docker and the DigitalOcean credentials name it. */
  readonly host: string;
  readonly pid: number;
  readonly configPath: string;
  readonly storageDir: string;
  readonly maintenance: RegistryMaintenance;
  close(): Promise<void>;
}

export interface LocalRegistryOptions {
  /** The Debian package's binary name by default. */
  readonly binary?: string;
}

/**
 * Runs a real CNCF distribution registry as a child process on a free loopback port: TLS from a
 * throwaway CA, htpasswd auth, deletes enabled, storage in a temp dir. close() stops it by pid.
 */
export async function startLocalRegistry(opts: LocalRegistryOptions = {}): Promise<LocalRegistry> {
  const binary = opts.binary ?? 'docker-registry';
  const dir = await mkdtemp(join(tmpdir(), 'opsctl-registry-'));
  const tls = await makeTlsMaterial(dir);
  const username = 'opsctl';
  const password = randomBytes(12).toString('hex');
  const htpasswdPath = join(dir, 'htpasswd');
  const { stdout } = await execa('htpasswd', ['-Bbn', username, password]);
  await writeFile(htpasswdPath, `${stdout.trim()}\n`);
  const storageDir = join(dir, 'data');
  const configPath = join(dir, 'config.yml');
  // Port 0: the registry picks a free port and logs it, so no other process can race us for it.
  await writeFile(
    configPath,
    registryConfigYaml({
      addr: '127.0.0.1:0',
      storageDir,
      htpasswdPath,
      certPath: tls.certPath,
      keyPath: tls.keyPath,
    }),
  );
  const child = spawn(binary, ['serve', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${binary}`);
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(pid, 'SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  let port: string;
  try {
    const line = await waitForChildLine(child, /listening on 127\.0\.0\.1:(\d+)/, 15_000, binary);
    port = line[1] ?? '';
  } catch (err) {
    await stop();
    throw err;
  }
  const host = `127.0.0.1:${port}`;
  return {
    connection: { url: `https://${host}`, username, password, ca: await readFile(tls.caCertPath) },
    host,
    pid,
    configPath,
    storageDir,
    maintenance: {
      garbageCollect: async () => {
        const res = await execa(binary, ['garbage-collect', configPath], { all: true });
        return res.all;
      },
      storageUsageBytes: () => directorySize(storageDir),
    },
    close: stop,
  };
}
