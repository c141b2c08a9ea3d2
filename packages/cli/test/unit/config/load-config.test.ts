import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findConfigFile, loadConfig } from '../../../src/config/load-config.js';
import type { ConfigLoadResult } from '../../../src/config/parse-config.js';
import { formatProblem } from '../../../src/config/problem.js';
import type { OpsctlConfig } from '../../../src/config/types.js';
import { MINIMAL_CONFIG } from '../../support/config-fixtures.js';
import { makeTempDir } from '../../support/temp-dir.js';

let dir: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({ path: dir, remove } = await makeTempDir());
});
afterEach(async () => {
  await remove();
});

async function load(text: string, home = '/home/tester'): Promise<ConfigLoadResult> {
  await writeFile(join(dir, 'opsctl.yaml'), text);
  return loadConfig({ cwd: dir, home });
}

async function loaded(text: string): Promise<OpsctlConfig> {
  const result = await load(text);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.loaded.config;
}

async function problems(text: string): Promise<string[]> {
  const result = await load(text);
  if (result.ok) throw new Error('expected the configuration to be rejected');
  return result.problems.map(formatProblem);
}

describe('loading opsctl.yaml', () => {
  it('applies every default to a minimal file', async () => {
    const config = await loaded(MINIMAL_CONFIG);
    expect(config.services.api).toEqual({
      dockerfile: join(dir, 'docker/api/Dockerfile'),
      context: dir,
      port: 3000,
      healthPath: '/health',
      buildArgs: {},
      env: {},
    });
    const staging = config.environments.staging;
    expect(staging?.ssh).toEqual({
      user: 'deploy',
      port: 22,
      key: join(dir, 'keys/deploy'),
      knownHosts: '/home/tester/.ssh/known_hosts',
    });
    expect(staging?.deploy).toEqual({
      parallelism: 2,
      healthTimeout: 60_000,
      healthInterval: 1_000,
      drainTimeout: 30_000,
      slots: { blue: 3001, green: 3002 },
      smoke: { paths: ['/health'], routeTimeout: 90_000 },
      autoRollback: true,
      lockTtl: 900_000,
      warmWindow: 600_000,
      prune: { enabled: true, keep: 5 },
    });
    expect(staging?.secrets).toEqual([]);
    expect(staging?.envFile).toBe('/etc/opsctl/env/{service}.env');
    expect(staging?.droplets).toEqual({
      kind: 'static',
      droplets: [{ name: 'web-1', host: '10.0.0.5' }],
    });
  });

  it('gives each environment the top-level registry unless it has its own', async () => {
    const config = await loaded(
      `${MINIMAL_CONFIG}  production:
    droplets: { tag: api-prod }
    registry: { digitalocean: shop-images }
    ssh: { key: /abs/key }
`,
    );
    expect(config.environments.staging?.registry).toEqual({
      kind: 'url',
      server: 'registry.example.com:5000',
      prefix: 'registry.example.com:5000/team',
      username: undefined,
      passwordEnv: undefined,
      caFile: undefined,
    });
    expect(config.environments.production?.registry).toEqual({
      kind: 'digitalocean',
      name: 'shop-images',
      server: 'registry.digitalocean.com',
      prefix: 'registry.digitalocean.com/shop-images',
    });
    expect(config.environments.production?.droplets).toEqual({ kind: 'tag', tag: 'api-prod' });
    expect(config.environments.production?.ssh.key).toBe('/abs/key');
  });

  it('parses durations into milliseconds', async () => {
    const config = await loaded(
      `${MINIMAL_CONFIG}    deploy:
      healthTimeout: 500ms
      healthInterval: 2s
      drainTimeout: 5m
      lockTtl: 1h
`,
    );
    expect(config.environments.staging?.deploy).toMatchObject({
      healthTimeout: 500,
      healthInterval: 2_000,
      drainTimeout: 300_000,
      lockTtl: 3_600_000,
    });
  });

  it('keeps the previous release warm for 10 minutes by default, and not at all with 0', async () => {
    expect((await loaded(MINIMAL_CONFIG)).environments.staging?.deploy.warmWindow).toBe(600_000);
    for (const off of ['0', '0s']) {
      const config = await loaded(`${MINIMAL_CONFIG}    deploy:\n      warmWindow: ${off}\n`);
      expect(config.environments.staging?.deploy.warmWindow).toBe(0);
    }
  });

  it('rejects a warm window that is not a duration, naming the key', async () => {
    const found = await problems(`${MINIMAL_CONFIG}    deploy:\n      warmWindow: ten minutes\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/environments\.staging\.deploy\.warmWindow/);
    expect(found[0]).toMatch(/expected 0 \(off\) or a duration such as 500ms, 30s, 5m or 1h/);
  });

  it('reports every problem at once, each with its path and line', async () => {
    const text = `project: Shop
defaultEnvironment: prod
registry: { digitalocean: shop, url: x.example.com }
services:
  api:
    port: "3000"
environments:
  staging:
    droplets: { tag: api-staging }
    ssh:
      port: abc
      key: k
    deploy:
      healthTimeout: 30 seconds
      slots: { blue: 3001, green: 3001 }
`;
    expect(await problems(text)).toEqual([
      'project: project names start with a lower-case letter and use only a-z, 0-9 and "-" (at most 40) (line 1)',
      'defaultEnvironment: "prod" is not one of the environments (staging) (line 2)',
      'registry: set exactly one of "digitalocean" or "url" (line 3)',
      'services.api.dockerfile: required (expected string) (line 5)',
      'services.api.port: expected number, received string (line 6)',
      'environments.staging.ssh.port: expected number, received string (line 11)',
      'environments.staging.deploy.healthTimeout: expected a duration such as 500ms, 30s, 5m or 1h (line 14)',
      'environments.staging.deploy.slots.green: blue and green need different ports (line 15)',
    ]);
  });

  it('rejects unknown keys and suggests the one probably meant', async () => {
    const text = MINIMAL_CONFIG.replace('    dockerfile:', '    dockerfle:').replace(
      'project: shop',
      'project: shop\nprojects: x',
    );
    expect(await problems(text)).toEqual([
      'projects: unknown key; did you mean "project"? (line 2)',
      'services.api.dockerfile: required (expected string) (line 6)',
      'services.api.dockerfle: unknown key; did you mean "dockerfile"? (line 7)',
    ]);
  });

  it('lists the allowed keys when an unknown key resembles none', async () => {
    const text = MINIMAL_CONFIG.replace('    ssh:\n', '    colour: blue\n    ssh:\n');
    expect(await problems(text)).toEqual([
      'environments.staging.colour: unknown key (allowed: droplets, ssh, registry, loadBalancer, deploy, secrets, github, envFile) (line 12)',
    ]);
  });

  it('requires a registry for every environment', async () => {
    const text = MINIMAL_CONFIG.replace('registry:\n  url: registry.example.com:5000/team\n', '');
    expect(await problems(text)).toEqual([
      'environments.staging.registry: no registry: set "registry" here or at the top level (line 6)',
    ]);
  });

  it('checks droplets, secrets and registry options for consistency', async () => {
    const text = MINIMAL_CONFIG.replace(
      '        - { name: web-1, host: 10.0.0.5 }\n',
      `        - { name: web-1, host: 10.0.0.5 }
        - { name: web-1, host: 10.0.0.6 }
      tag: also-a-tag
    registry: { digitalocean: shop, username: me }
    secrets:
      - { name: DATABASE_URL, targets: [droplets] }
      - { name: DATABASE_URL, targets: [github] }
      - { name: 9BAD, targets: [ftp] }
`,
    );
    expect(await problems(text)).toEqual([
      'environments.staging.droplets: set exactly one of "static" or "tag" (line 9)',
      'environments.staging.droplets.static[1].name: droplet name "web-1" is used twice (line 12)',
      'environments.staging.registry.username: only for "url" registries; DigitalOcean uses its API token and public TLS (line 14)',
      'environments.staging.secrets[1].targets[0]: no GitHub repository: set "github.repository" at the top level or in environments.staging (line 17)',
      'environments.staging.secrets[2].name: expected an environment variable name such as DATABASE_URL (line 18)',
      'environments.staging.secrets[2].targets[0]: expected droplets, github, or an object such as { vercel: { project: web, targets: [production] } } (line 18)',
    ]);
  });

  it('reports YAML syntax errors with line and column', async () => {
    expect(await problems('project: shop\nservices:\n  api: [unclosed\n')).toEqual([
      expect.stringMatching(/^line 4, column 1: .*/) as string,
    ]);
    expect(await problems('project: a\nproject: b\n')).toEqual([
      'line 2, column 1: Map keys must be unique',
    ]);
  });

  it('explains an empty file', async () => {
    expect(await problems('# nothing yet\n')).toEqual([
      'the file is empty; see docs/configuration.md for its keys',
    ]);
  });

  it('finds opsctl.yaml in a parent directory', async () => {
    await writeFile(join(dir, 'opsctl.yaml'), MINIMAL_CONFIG);
    const nested = join(dir, 'a', 'b');
    await mkdir(nested, { recursive: true });
    expect(await findConfigFile(nested)).toBe(join(dir, 'opsctl.yaml'));
    const result = await loadConfig({ cwd: nested });
    expect(result.ok && result.loaded.path).toBe(join(dir, 'opsctl.yaml'));
  });

  it('reports a missing explicit file and a missing default file', async () => {
    const explicit = await loadConfig({ cwd: dir, path: 'nope.yaml' });
    expect(explicit.ok).toBe(false);
    expect(!explicit.ok && explicit.problems[0]?.message).toBe(
      `cannot read ${join(dir, 'nope.yaml')}: it does not exist`,
    );
    const none = await loadConfig({ cwd: dir });
    expect(!none.ok && none.path).toBeUndefined();
  });

  it('accepts the repository’s own opsctl.yaml', async () => {
    const result = await loadConfig({
      cwd: dir,
      path: new URL('../../../../../opsctl.yaml', import.meta.url).pathname,
    });
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });
});
