import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const LAUNCHER = fileURLToPath(new URL('../../bin/opsctl.js', import.meta.url));
const REPOSITORY_CONFIG = fileURLToPath(new URL('../../../../opsctl.yaml', import.meta.url));

// What `opsctl init` writes, shortened: comments, a service and a cloud environment.
const CONFIG = `# yaml-language-server: $schema=./schema/opsctl.schema.json
project: hello
services:
  api:
    dockerfile: Dockerfile
    port: 8080
    healthPath: /healthz # the service's own
environments:
  # Deployed from main.
  staging:
    droplets:
      tag: opsctl-staging-api
    registry:
      digitalocean: hello
    ssh:
      key: ~/.ssh/opsctl_deploy
    loadBalancer:
      digitalocean: 00000000-0000-4000-8000-000000000000
      url: https://staging.example.com
`;

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((path) => rm(path, { recursive: true, force: true })));
});

async function project(config: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'opsctl-local-init-'));
  made.push(dir);
  await writeFile(join(dir, 'opsctl.yaml'), config);
  return dir;
}

const opsctl = (args: readonly string[], cwd: string) =>
  execa(process.execPath, [LAUNCHER, ...args], {
    cwd,
    reject: false,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root' },
    extendEnv: false,
  });

type Entry = Record<string, Record<string, unknown>>;
const localEntry = (text: string): Entry =>
  (parse(text) as { environments: Record<string, Entry> }).environments.local ?? {};

describe('opsctl local init', () => {
  it('adds the local environment the way this repository declares it, keeping the file as it was', async () => {
    const dir = await project(CONFIG);
    const run = await opsctl(['local', 'init'], dir);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain('added environments.local in');
    const text = await readFile(join(dir, 'opsctl.yaml'), 'utf8');
    expect(text.startsWith(CONFIG.slice(0, CONFIG.indexOf('  staging:')))).toBe(true);
    expect(text).toContain("healthPath: /healthz # the service's own");

    // The values `deploy local` reaches the local environment with: the same as the entry this
    // repository's own deploy tests use (which a static test holds to the stand-in's).
    const added = localEntry(text);
    const ours = localEntry(await readFile(REPOSITORY_CONFIG, 'utf8'));
    for (const key of ['droplets', 'registry', 'ssh', 'loadBalancer'] as const) {
      expect(added[key], key).toEqual(ours[key]);
    }
    expect(added.deploy).toEqual({ smoke: { paths: ['/healthz'] } });

    const validate = await opsctl(['config', 'validate'], dir);
    expect(validate.exitCode, validate.stderr).toBe(0);
    expect(validate.stdout).toContain('2 environments (staging, local)');
  });

  it('replaces an entry only with --force, and changes nothing without it', async () => {
    const dir = await project(
      CONFIG.replace(
        '  # Deployed from main.\n  staging:',
        '  local:\n    droplets:\n      tag: mine\n    registry:\n      digitalocean: mine\n    ssh:\n      key: mine\n  staging:',
      ),
    );
    const before = await readFile(join(dir, 'opsctl.yaml'), 'utf8');
    const refused = await opsctl(['local', 'init'], dir);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('Error [LOCAL_ENTRY_EXISTS]');
    expect(refused.stderr).toContain('opsctl local init --force');
    expect(await readFile(join(dir, 'opsctl.yaml'), 'utf8')).toBe(before);

    const forced = await opsctl(['local', 'init', '--force'], dir);
    expect(forced.exitCode, forced.stderr).toBe(0);
    expect(forced.stdout).toContain('replaced environments.local in');
    expect(localEntry(await readFile(join(dir, 'opsctl.yaml'), 'utf8')).droplets).toEqual({
      tag: 'opsctl-local-api',
    });
  });

  it('refuses a project whose service is not named api, saying why, and changes nothing', async () => {
    const dir = await project(CONFIG.replace('  api:\n', '  shop:\n'));
    const before = await readFile(join(dir, 'opsctl.yaml'), 'utf8');
    const run = await opsctl(['local', 'init'], dir);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('Error [LOCAL_SERVICE_NAME]');
    expect(run.stderr).toContain('declares no service named "api" (it has: shop)');
    expect(run.stderr).toContain('Name the service "api"');
    expect(await readFile(join(dir, 'opsctl.yaml'), 'utf8')).toBe(before);
  });
});
