import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configJsonSchemaText } from '../../../src/config/json-schema.js';
import { MINIMAL_CONFIG } from '../../support/config-fixtures.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { buildCli, PACKAGE_DIR, runCli } from './run-cli.js';

// These tests run the real binary (bin/run.js → dist), built from the current source first.
let dir: string;
let remove: () => Promise<void>;

beforeAll(async () => {
  await buildCli();
  ({ path: dir, remove } = await makeTempDir());
  // Builds the CLI with tsc: on 2 cores shared with the other suites that took over 2 minutes.
}, 600_000);

afterAll(async () => {
  await remove();
});

function parseEnvelope(stdout: string): {
  status: number;
  result?: unknown;
  error?: Record<string, unknown>;
} {
  return JSON.parse(stdout) as {
    status: number;
    result?: unknown;
    error?: Record<string, unknown>;
  };
}

describe('opsctl --help', () => {
  it('lists every topic and top-level command', async () => {
    const { stdout, exitCode } = await runCli(['--help']);
    expect(exitCode).toBe(0);
    for (const topic of [
      'build',
      'push',
      'deploy',
      'rollback',
      'status',
      'releases',
      'images',
      'secrets',
      'config',
      'init',
      'plugins',
    ]) {
      expect(stdout).toMatch(new RegExp(`^  ${topic}\\s`, 'm'));
    }
  });

  it.each([
    ['images', ['images list', 'images prune']],
    ['secrets', ['secrets check', 'secrets sync']],
    ['config', ['config schema', 'config show', 'config validate']],
  ])('lists the %s subcommands', async (topic, commands) => {
    const { stdout } = await runCli([topic, '--help']);
    for (const command of commands) expect(stdout).toContain(command);
  });

  it('documents the global flags and environment variables on every command', async () => {
    const { stdout } = await runCli(['deploy', '--help']);
    expect(stdout).toContain('GLOBAL FLAGS');
    expect(stdout).toContain('[env: OPSCTL_CONFIG]');
    expect(stdout).toContain('--[no-]auto-rollback');
    expect(stdout).toContain('--lock-wait=<duration>');
  });
});

describe('the local environment without its plugin', () => {
  it.each(['local up', 'local status', 'local'])(
    '`opsctl %s` names @opsctl/plugin-local and how to install it, exit 2',
    async (line) => {
      const args = line.split(' ');
      const human = await runCli(args);
      expect(human.exitCode).toBe(2);
      expect(human.stderr).toContain('Error [LOCAL_PLUGIN_MISSING]');
      expect(human.stderr).toContain(
        'Hint: Install it with: opsctl plugins install @opsctl/plugin-local',
      );
      const json = await runCli([...args, '--json']);
      expect(json.exitCode).toBe(2);
      expect(parseEnvelope(json.stdout).error?.code).toBe('LOCAL_PLUGIN_MISSING');
    },
  );

  it("keeps oclif's answer for any other unknown command", async () => {
    const run = await runCli(['nosuch']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('command nosuch not found');
    expect(run.stderr).not.toContain('LOCAL_PLUGIN_MISSING');
  });
});

describe('the command contract (oclif.manifest.json)', () => {
  const GLOBAL = ['config', 'json', 'verbose'];
  const EXPECTED: Record<string, { flags: string[]; env: boolean }> = {
    build: { flags: ['service', 'version', 'no-cache'], env: false },
    push: { flags: ['service'], env: false },
    deploy: {
      flags: ['service', 'sha', 'dry-run', 'lock-wait', 'force-unlock', 'auto-rollback'],
      env: true,
    },
    rollback: { flags: ['service', 'sha', 'dry-run', 'lock-wait', 'force-unlock'], env: true },
    status: { flags: [], env: true },
    releases: { flags: ['service', 'limit'], env: true },
    logs: { flags: ['service', 'droplet', 'since', 'tail', 'follow'], env: true },
    exec: { flags: ['service', 'droplet', 'tty'], env: true },
    'images:list': { flags: ['service'], env: true },
    'images:prune': { flags: ['keep', 'service', 'dry-run', 'wait'], env: true },
    'secrets:sync': { flags: ['dry-run', 'only', 'target', 'restart', 'stdin'], env: true },
    'secrets:check': { flags: ['only', 'target', 'stdin'], env: true },
    'config:validate': { flags: [], env: false },
    'config:schema': { flags: ['output'], env: false },
    'config:show': { flags: [], env: true },
    init: { flags: ['service', 'port', 'secret', 'yes', 'force', 'dry-run'], env: false },
    'lock:status': { flags: [], env: true },
    'lock:release': { flags: ['force', 'dry-run'], env: true },
  };

  it('declares every command with its flags, the global flags and the optional environment argument', async () => {
    const manifest = JSON.parse(
      await readFile(join(PACKAGE_DIR, 'oclif.manifest.json'), 'utf8'),
    ) as {
      commands: Record<
        string,
        { flags: Record<string, unknown>; args: Record<string, { required?: boolean }> }
      >;
    };
    expect(Object.keys(manifest.commands).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [id, expected] of Object.entries(EXPECTED)) {
      const command = manifest.commands[id];
      expect(Object.keys(command?.flags ?? {}), id).toEqual(
        expect.arrayContaining([...expected.flags, ...GLOBAL]),
      );
      expect(command?.args.env !== undefined, `${id} takes [env]`).toBe(expected.env);
      if (expected.env) expect(command?.args.env?.required, id).toBe(false);
    }
  });
});

describe('opsctl config validate --json', () => {
  it('prints the success envelope and exits 0 for a valid file', async () => {
    await writeFile(join(dir, 'opsctl.yaml'), MINIMAL_CONFIG);
    const run = await runCli(['config', 'validate', '--json'], { cwd: dir });
    expect(run.exitCode).toBe(0);
    expect(parseEnvelope(run.stdout)).toEqual({
      status: 0,
      result: {
        valid: true,
        path: join(dir, 'opsctl.yaml'),
        project: 'shop',
        services: ['api'],
        environments: ['staging'],
      },
    });
  });

  it('prints the failure envelope with every problem and exits 2 for an invalid file', async () => {
    const path = join(dir, 'broken.yaml');
    await writeFile(
      path,
      MINIMAL_CONFIG.replace('project: shop', 'project: Shop').replace('dockerfile:', 'dockerfil:'),
    );
    const run = await runCli(['config', 'validate', '--json', '--config', path], { cwd: dir });
    expect(run.exitCode).toBe(2);
    const envelope = parseEnvelope(run.stdout);
    expect(envelope.status).toBe(2);
    expect(Object.keys(envelope.error ?? {})).toEqual(['code', 'message', 'hint', 'details']);
    expect(envelope.error).toMatchObject({
      code: 'CONFIG_INVALID',
      hint: expect.stringContaining('opsctl config validate') as string,
    });
    expect(envelope.error?.details).toEqual({
      path,
      problems: [
        { path: 'project', message: expect.stringContaining('lower-case') as string, line: 1 },
        { path: 'services.api.dockerfile', message: 'required (expected string)', line: 5 },
        {
          path: 'services.api.dockerfil',
          message: 'unknown key; did you mean "dockerfile"?',
          line: 6,
        },
      ],
    });
  });

  it('prints problems and the hint on stderr without --json, keeping stdout empty', async () => {
    const path = join(dir, 'broken.yaml');
    const run = await runCli(['config', 'validate', '--config', path], { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Error [CONFIG_INVALID]');
    expect(run.stderr).toContain(
      '  - services.api.dockerfil: unknown key; did you mean "dockerfile"? (line 6)',
    );
    expect(run.stderr).toContain('Hint: ');
  });

  it('finds the file through OPSCTL_CONFIG', async () => {
    const run = await runCli(['config', 'validate'], {
      cwd: '/',
      env: { OPSCTL_CONFIG: join(dir, 'opsctl.yaml') },
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(
      'is valid: project shop, 1 service (api), 1 environment (staging).',
    );
  });

  it('reports a missing configuration as CONFIG_NOT_FOUND', async () => {
    const run = await runCli(['config', 'validate', '--json'], { cwd: '/' });
    expect(run.exitCode).toBe(2);
    expect(parseEnvelope(run.stdout).error?.code).toBe('CONFIG_NOT_FOUND');
  });
});

describe('errors from the binary', () => {
  it('renders usage errors in the envelope with exit code 2', async () => {
    const run = await runCli(['images', 'prune', '--keep', '0', '--json']);
    expect(run.exitCode).toBe(2);
    expect(parseEnvelope(run.stdout).error).toMatchObject({
      code: 'USAGE',
      message: expect.stringContaining('--keep') as string,
    });
  });

  it('adds a GitHub ::error annotation under GitHub Actions, on stderr when --json keeps stdout clean', async () => {
    const human = await runCli(['config', 'validate'], {
      cwd: '/',
      env: { GITHUB_ACTIONS: 'true' },
    });
    expect(human.exitCode).toBe(2);
    expect(human.stdout).toMatch(
      /^::error title=opsctl CONFIG_NOT_FOUND::No configuration found:%0A/m,
    );
    const json = await runCli(['config', 'validate', '--json'], {
      cwd: '/',
      env: { GITHUB_ACTIONS: 'true' },
    });
    expect(parseEnvelope(json.stdout).status).toBe(2);
    expect(json.stderr).toMatch(/^::error title=opsctl CONFIG_NOT_FOUND::/m);
  });

  it('prints no annotation outside GitHub Actions', async () => {
    const run = await runCli(['config', 'validate'], { cwd: '/' });
    expect(`${run.stdout}${run.stderr}`).not.toContain('::error');
  });
});

describe('opsctl config schema', () => {
  it('writes the same JSON Schema that is committed in schema/', async () => {
    const out = join(dir, 'nested', 'opsctl.schema.json');
    const run = await runCli(['config', 'schema', '--output', out, '--json']);
    expect(run.exitCode).toBe(0);
    expect(parseEnvelope(run.stdout).result).toEqual({
      path: out,
      bytes: Buffer.byteLength(configJsonSchemaText()),
    });
    expect(await readFile(out, 'utf8')).toBe(configJsonSchemaText());
  });
});
