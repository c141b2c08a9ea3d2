import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResult } from '../../../src/services/push.js';
import { buildKitPath } from './support/buildkit-path.js';
import { Cleanups } from './support/cleanups.js';
import { emptyRepository, garbageCollections, registryTags } from './support/local-environment.js';
import { removeLocalImages } from './support/local-images.js';
import { opsctlOk, runOpsctl } from './support/run-opsctl.js';
import { createServiceRepo, serviceConfig, type ServiceRepo } from './support/service-repo.js';

let repo: ServiceRepo;
let env: Record<string, string>;
const cleanups = new Cleanups();
/** The two builds pushed in set-up: tag → digest as the registry holds them. */
let pushedTags: Record<string, string>;

const COMMANDS = [
  ['build'],
  ['push'],
  ['images', 'list'],
  ['images', 'prune', '--keep', '1'],
] as const;

beforeAll(async () => {
  const path = await buildKitPath();
  cleanups.add(path.remove);
  env = { PATH: path.path };
  repo = await createServiceRepo('badinput');
  const { service, repository } = repo;
  cleanups.add(
    () => repo.remove(),
    () => removeLocalImages(repository),
    () => removeLocalImages(`registry.opsctl.local:1/${service}`),
    () => emptyRepository(service),
  );
  for (const change of ['one', 'two']) {
    await repo.commit(change);
    await opsctlOk(repo.dir, ['build'], env);
    await opsctlOk<PushResult>(repo.dir, ['push'], env);
  }
  pushedTags = await registryTags(service);
}, 300_000);

afterAll(async () => {
  await cleanups.run();
}, 120_000);

/** Runs with a changed project file or .env.local, restoring both afterwards. */
async function withFiles(
  change: { config?: (text: string) => string; dotEnv?: (text: string) => string },
  run: () => Promise<void>,
): Promise<void> {
  const files = { config: join(repo.dir, 'opsctl.yaml'), dotEnv: join(repo.dir, '.env.local') };
  const saved = {
    config: await readFile(files.config, 'utf8'),
    dotEnv: await readFile(files.dotEnv, 'utf8'),
  };
  try {
    if (change.config) await writeFile(files.config, change.config(saved.config));
    if (change.dotEnv) await writeFile(files.dotEnv, change.dotEnv(saved.dotEnv));
    await run();
  } finally {
    await writeFile(files.config, saved.config);
    await writeFile(files.dotEnv, saved.dotEnv);
  }
}

/** Nothing in the registry changed and no garbage collection started. */
async function expectRegistryUnchanged(collectionsBefore: number): Promise<void> {
  expect(await registryTags(repo.service)).toEqual(pushedTags);
  expect((await garbageCollections()).length).toBe(collectionsBefore);
}

describe('bad input gets a clear error, a documented exit code, and changes nothing', () => {
  it('refuses an unknown --service naming the declared ones (exit 2)', async () => {
    const collections = (await garbageCollections()).length;
    for (const args of COMMANDS) {
      const run = await runOpsctl(repo.dir, [...args, '--service', 'nope'], env);
      expect(run.exitCode, args.join(' ')).toBe(2);
      expect(run.envelope.error?.code, args.join(' ')).toBe('SERVICE_UNKNOWN');
      expect(run.envelope.error?.hint).toContain(repo.service);
    }
    await expectRegistryUnchanged(collections);
  });

  it('refuses an invalid opsctl.yaml listing every problem with its path (exit 2)', async () => {
    await withFiles(
      {
        config: (text) =>
          text.replace('port: 3000', 'port: seventy').replace(/ {6}key: .*\n/, '') +
          'unknownKey: 1\n',
      },
      async () => {
        for (const args of COMMANDS) {
          const run = await runOpsctl(repo.dir, [...args], env);
          expect(run.exitCode, args.join(' ')).toBe(2);
          expect(run.envelope.error?.code).toBe('CONFIG_INVALID');
          const problems = (run.envelope.error?.details as { problems: { path: string }[] })
            .problems;
          expect(problems.map((p) => p.path)).toEqual(
            expect.arrayContaining([
              `services.${repo.service}.port`,
              'environments.local.ssh.key',
              'unknownKey',
            ]),
          );
        }
      },
    );
  });

  it('refuses --keep 0: the newest image is never removed (exit 2)', async () => {
    const collections = (await garbageCollections()).length;
    const run = await runOpsctl(repo.dir, ['images', 'prune', '--keep', '0'], env);
    expect(run.exitCode).toBe(2);
    expect(run.envelope.error).toMatchObject({
      code: 'USAGE',
      message: expect.stringContaining('--keep') as string,
    });
    await expectRegistryUnchanged(collections);
  });

  it('names the missing registry password variable and where to set it (exit 2)', async () => {
    const collections = (await garbageCollections()).length;
    await withFiles(
      { dotEnv: (text) => text.replace(/^OPSCTL_REGISTRY_PASSWORD=.*$/m, '') },
      async () => {
        for (const args of [['push'], ['images', 'list'], ['images', 'prune', '--keep', '1']]) {
          const run = await runOpsctl(repo.dir, args, env);
          expect(run.exitCode, args.join(' ')).toBe(2);
          expect(run.envelope.error?.code).toBe('REGISTRY_CREDENTIALS_MISSING');
          expect(run.envelope.error?.message).toContain('OPSCTL_REGISTRY_PASSWORD');
          expect(run.envelope.error?.hint).toContain('.env.local');
        }
      },
    );
    await expectRegistryUnchanged(collections);
  });

  it('reports an unreachable registry as an external failure (exit 3)', async () => {
    const unreachable = serviceConfig(repo.service, { registryUrl: 'registry.opsctl.local:1' });
    await withFiles(
      {
        config: () => unreachable,
        dotEnv: (text) => text.replace(/^DIGITALOCEAN_REGISTRY=.*$/m, ''),
      },
      async () => {
        // The changed opsctl.yaml makes the tree dirty: build and push it as a local <sha>-dirty.
        const local = { ...env, CI: 'false' };
        await opsctlOk(repo.dir, ['build'], local);
        for (const args of [['push'], ['images', 'list'], ['images', 'prune', '--keep', '1']]) {
          const run = await runOpsctl(repo.dir, args, local);
          expect(run.exitCode, args.join(' ')).toBe(3);
          expect(run.envelope.error?.code, args.join(' ')).toBe('REGISTRY_UNREACHABLE');
          expect(run.envelope.error?.message).toContain('registry.opsctl.local:1');
        }
      },
    );
    // deploy reads the registry for the release's digest before it changes anything. It runs
    // against a copy of the environment under another name: `deploy local` would first bring
    // up a local environment of this project's own.
    const elsewhere = unreachable
      .replace('defaultEnvironment: local', 'defaultEnvironment: elsewhere')
      .replace('\n  local:\n', '\n  elsewhere:\n');
    await withFiles({ config: () => elsewhere }, async () => {
      const args = ['deploy', 'elsewhere', '--sha', 'ab'.repeat(20)];
      const run = await runOpsctl(repo.dir, args, { ...env, OPSCTL_REGISTRY_PASSWORD: 'unused' });
      expect(run.exitCode, run.stderr).toBe(3);
      expect(run.envelope.error?.code).toBe('REGISTRY_UNREACHABLE');
      expect(run.envelope.error?.message).toContain('registry.opsctl.local:1');
    });
  });

  it('removes nothing when a droplet cannot be reached: it can neither take the environment lock there nor know what is deployed (exit 3)', async () => {
    const collections = (await garbageCollections()).length;
    await withFiles(
      { config: (text) => text.replace('sshPort: 2222', 'sshPort: 2299') },
      async () => {
        const run = await runOpsctl(repo.dir, ['images', 'prune', '--keep', '1'], env);
        expect(run.exitCode).toBe(3);
        // The lock is taken on every droplet before anything is read, so the unreachable one
        // stops the run there, named, with nothing taken left behind on the other.
        expect(run.envelope.error?.code).toBe('SSH_CONNECT_FAILED');
        expect(run.envelope.error?.message).toContain('droplet-2');
      },
    );
    await expectRegistryUnchanged(collections);
  });
});
