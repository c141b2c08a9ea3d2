import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';

/**
 * PATH for the CLI under test with a Docker CLI that builds with BuildKit first, as bin/opsctl
 * arranges it (Debian's /usr/bin/docker when the first docker lacks the buildx plugin).
 */
export async function buildKitPath(): Promise<{ path: string; remove: () => Promise<void> }> {
  const current = process.env.PATH ?? '';
  const buildx = await execa('docker', ['buildx', 'version'], { reject: false });
  if (buildx.exitCode === 0 || !existsSync('/usr/bin/docker'))
    return { path: current, remove: () => Promise.resolve() };
  const dir = await mkdtemp(join(tmpdir(), 'opsctl-docker-bin-'));
  await symlink('/usr/bin/docker', join(dir, 'docker'));
  return { path: `${dir}:${current}`, remove: () => rm(dir, { recursive: true, force: true }) };
}
