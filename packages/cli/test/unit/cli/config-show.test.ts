import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir.js';
import { buildCli, runCli } from './run-cli.js';

// `opsctl config show` run as a user runs it (the built binary), with secret values planted in
// its environment: none may appear in anything it prints.
let dir: string;
let remove: () => Promise<void>;
const sentinel = (name: string) => `opsctl-sentinel-${name}-${randomBytes(6).toString('hex')}`;
const planted = {
  DATABASE_URL: sentinel('database'),
  API_TOKEN: sentinel('api'),
  REGISTRY_PASSWORD: sentinel('registry'),
  DIGITALOCEAN_TOKEN: sentinel('digitalocean'),
};

const config = `project: shop
registry:
  url: registry.example.com:5000/team
  username: ci
  passwordEnv: REGISTRY_PASSWORD
github:
  repository: acme/shop
services:
  api:
    dockerfile: Dockerfile
    env:
      # A secret's value pasted into the file by mistake: it is masked like the variable.
      PASTED: ${planted.DATABASE_URL}
environments:
  staging:
    droplets:
      static:
        - { name: web-1, host: 10.0.0.5 }
    ssh:
      key: keys/deploy
    secrets:
      - { name: DATABASE_URL, targets: [droplets] }
  production:
    droplets:
      tag: opsctl-production-api
    registry:
      digitalocean: shop
    ssh:
      key: keys/deploy
    secrets:
      - { name: API_TOKEN, rotateEvery: 30d, targets: [droplets, github] }
`;

beforeAll(async () => {
  await buildCli();
  ({ path: dir, remove } = await makeTempDir('opsctl-config-show-'));
  await writeFile(join(dir, 'opsctl.yaml'), config);
}, 600_000);

afterAll(async () => {
  await remove();
});

const show = (args: readonly string[]) =>
  runCli(['config', 'show', ...args], { cwd: dir, env: planted });

interface ShownEnvironment {
  readonly secrets: readonly Record<string, unknown>[];
  readonly deploy: Record<string, unknown>;
  readonly ssh: { readonly key: string };
  readonly registry: Record<string, unknown>;
}
const result = (stdout: string) =>
  (JSON.parse(stdout) as { result: { environment?: string; config: Record<string, unknown> } })
    .result;

describe('opsctl config show', () => {
  it.each([[[]], [['staging']], [['production']], [['--json']], [['staging', '--json']]])(
    'prints no planted value (args %j)',
    async (args) => {
      const run = await show(args);
      expect(run.exitCode, run.stderr).toBe(0);
      for (const [name, value] of Object.entries(planted)) {
        expect(run.stdout, name).not.toContain(value);
        expect(run.stderr, name).not.toContain(value);
      }
      expect(run.stdout).toContain('PASTED');
    },
  );

  it('shows the resolved configuration: defaults applied, paths absolute, each environment’s registry', async () => {
    const run = await show([]);
    expect(run.stdout).toContain(`# ${join(dir, 'opsctl.yaml')} (resolved`);
    expect(run.stdout).toContain(`    dockerfile: ${join(dir, 'Dockerfile')}\n`);
    expect(run.stdout).toContain('    port: 3000\n    healthPath: /health\n');
    const shown = result((await show(['--json'])).stdout).config as {
      environments: Record<string, ShownEnvironment>;
    };
    expect(Object.keys(shown.environments)).toEqual(['staging', 'production']);
    expect(shown.environments.staging?.ssh.key).toBe(join(dir, 'keys/deploy'));
    expect(shown.environments.staging?.deploy).toMatchObject({
      parallelism: 2,
      autoRollback: true,
    });
    expect(shown.environments.staging?.registry).toMatchObject({
      kind: 'url',
      passwordEnv: 'REGISTRY_PASSWORD',
    });
    expect(shown.environments.production?.registry).toMatchObject({ kind: 'digitalocean' });
  });

  it('with an environment, shows only that one; declared secrets as name and targets only', async () => {
    const shown = result((await show(['production', '--json'])).stdout);
    expect(shown.environment).toBe('production');
    const environments = shown.config.environments as Record<string, ShownEnvironment>;
    expect(Object.keys(environments)).toEqual(['production']);
    const secrets = environments.production?.secrets ?? [];
    expect(secrets.map((s) => Object.keys(s))).toEqual([['name', 'targets']]);
    expect(secrets[0]?.name).toBe('API_TOKEN');
    expect(secrets[0]?.targets).toHaveLength(2);
  });

  it('refuses an environment that is not in opsctl.yaml, naming those that are', async () => {
    const run = await show(['prod']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('ENVIRONMENT_UNKNOWN');
    expect(run.stderr).toContain('staging, production');
  });
});
