import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ansibleDir } from '../support/paths.js';
import { run, type RunResult } from '../support/run.js';

/**
 * The env file helper droplets run through sudo, run here directly against a temporary directory
 * (the only mode in which it honours OPSCTL_ENV_DIR). Its sudo path, with the privilege drop, is
 * exercised on provisioned droplets (setup-api.test.ts).
 */
const HELPER = join(ansibleDir, 'roles/opsctl_layout/files/opsctl-env');

let dir: string;
let envDir: string;
let auditLog: string;
let bin: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'opsctl-env-helper-'));
  envDir = join(dir, 'env');
  auditLog = join(dir, 'log', 'secrets-audit.log');
  bin = join(dir, 'bin');
  await mkdir(envDir, { mode: 0o700 });
  await mkdir(bin);
  // A docker that shows what a container would get: the named variables of its environment.
  await writeFile(
    join(bin, 'docker'),
    '#!/bin/sh\nshift\nfor name in "$@"; do eval "printf \'%s=[%s]\\n\' \\"$name\\" \\"\\${$name-unset}\\""; done\n',
  );
  await chmod(join(bin, 'docker'), 0o755);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function helper(args: readonly string[], input?: string): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = {
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    OPSCTL_ENV_DIR: envDir,
    OPSCTL_ENV_AUDIT: auditLog,
  };
  return run('sh', [HELPER, ...args], { env, ...(input === undefined ? {} : { input }) });
}

const ENV_FILE = [
  '# Managed by opsctl',
  '# opsctl-names: A B C',
  `A='line one`,
  `it'\\''s $HOME = é'`,
  `B='$(touch pwned)'`,
  `C='x=y'`,
  '',
].join('\n');

describe('opsctl-env, the droplet env file helper', () => {
  it('writes an env file atomically with mode 0600 and leaves no temporary file', async () => {
    const result = await helper(['write', 'api.env', 'deploy abc by alice@laptop'], ENV_FILE);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await readFile(join(envDir, 'api.env'), 'utf8')).toBe(ENV_FILE);
    expect((await stat(join(envDir, 'api.env'))).mode & 0o777).toBe(0o600);
    expect(await readdir(envDir)).toEqual(['api.env']);
  });

  it('logs each write of an env file on one line, changed or unchanged, and not its fingerprints', async () => {
    await helper(['write', 'api.env', 'deploy abc by alice@laptop'], ENV_FILE);
    await helper(['write', 'api.env', 'deploy abc by alice@laptop'], ENV_FILE);
    await helper(['write', 'api.env.fingerprints', ''], 'A 1\n');
    await helper(['write', 'api.env', 'sneaky\n2026-01-01T00:00:00Z user=root forged'], 'A=1\n');
    const lines = (await readFile(auditLog, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ user=\S+ file=api\.env changed deploy abc by alice@laptop$/,
    );
    expect(lines[1]).toMatch(/ file=api\.env unchanged deploy abc by alice@laptop$/);
    expect(lines[2]).toMatch(
      / file=api\.env changed sneaky 2026-01-01T00:00:00Z user=root forged$/,
    );
  });

  it('prints only the comment header and the fingerprints, never an assignment', async () => {
    await helper(['write', 'api.env', ''], ENV_FILE);
    await helper(['write', 'api.env.fingerprints', ''], 'A abc 2026-01-01\n');
    const result = await helper(['header', 'api.env']);
    expect(result.stdout).toBe(
      '# Managed by opsctl\n# opsctl-names: A B C\n--- fingerprints\nA abc 2026-01-01\n',
    );
    expect((await helper(['header', 'missing.env'])).stdout).toBe('--- fingerprints\n');
  });

  it('hands docker run the values exactly, with nothing in them expanded', async () => {
    await helper(['write', 'api.env', ''], ENV_FILE);
    const result = await helper(['run', 'api.env', 'docker', 'run', 'A', 'B', 'C', 'D']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      `A=[line one\nit's $HOME = é]\nB=[$(touch pwned)]\nC=[x=y]\nD=[unset]\n`,
    );
  });

  it('leaves the caller’s stdin to docker run and closes the env file before it starts', async () => {
    await helper(['write', 'api.env', ''], ENV_FILE);
    // This docker echoes its stdin and says whether the env file's descriptor reached it.
    await writeFile(
      join(bin, 'docker'),
      '#!/bin/sh\nprintf "stdin=[%s]\\n" "$(cat)"\nif [ -e /proc/self/fd/3 ]; then echo fd3-open; else echo fd3-closed; fi\n',
    );
    const result = await helper(['run', 'api.env', 'docker', 'run'], 'typed by the user');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('stdin=[typed by the user]\nfd3-closed\n');
  });

  it('runs nothing but docker run', async () => {
    await helper(['write', 'api.env', ''], ENV_FILE);
    for (const argv of [['sh', '-c', 'id'], ['docker', 'exec', 'x'], ['docker']]) {
      const result = await helper(['run', 'api.env', ...argv]);
      expect(result.code).toBe(64);
      expect(result.stderr).toContain("expected 'docker run ...' after the file name");
    }
  });

  it('refuses any name that is not a plain file in its directory, and writes nothing', async () => {
    for (const name of ['../escape.env', '.hidden', 'a/b.env', '', 'spa ce.env']) {
      // A large input the helper never reads: it exits first, and the run must still report it.
      const result = await helper(['write', name, ''], 'X=1\n'.repeat(300_000));
      expect(result.code, name).toBe(64);
      expect(result.stderr).toContain(`invalid env file name '${name}'`);
    }
    expect(await readdir(envDir)).toEqual([]);
    expect(await readdir(dir)).not.toContain('escape.env');
  });

  it('refuses unknown actions and missing arguments with its usage', async () => {
    for (const args of [['cat', 'api.env'], ['write'], ['header', 'a.env', 'b.env']]) {
      const result = await helper(args);
      expect(result.code).toBe(64);
      expect(result.stderr).toContain('usage: opsctl-env');
    }
  });
});
