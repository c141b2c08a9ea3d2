import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedGitEnv } from '../../support/git-env.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { buildCli, runCli } from './run-cli.js';

// `opsctl init` as a user runs it: the built binary in a throwaway git repository.
let base: string;
let remove: () => Promise<void>;
let count = 0;

beforeAll(async () => {
  await buildCli();
  ({ path: base, remove } = await makeTempDir('opsctl-init-'));
}, 600_000);

afterAll(async () => {
  await remove();
});

/** A new folder `name` under the temp dir: a git repository (unless `git` is false) with `files`. */
async function repository(
  files: Record<string, string>,
  options: { git?: boolean; name?: string } = {},
): Promise<string> {
  const dir = join(base, `${count++}`, options.name ?? 'shop');
  await mkdir(dir, { recursive: true });
  if (options.git !== false) {
    await execa('git', ['init', '-q', dir], { env: isolatedGitEnv(), extendEnv: false });
  }
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

/** Every file under `dir` except .git, with its content, to show what a run changed. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .filter((path) => !/^\.git\//.test(path));
  return Object.fromEntries(
    await Promise.all(
      files.map(async (path) => [path, await readFile(join(dir, path), 'utf8')] as const),
    ),
  );
}

const DOCKERFILE = 'FROM node:24-slim\nEXPOSE 8080\nCMD ["node", "server.js"]\n';
const envelope = (stdout: string) =>
  JSON.parse(stdout) as {
    status: number;
    result?: Record<string, unknown>;
    error?: { code: string };
  };

describe('opsctl init', () => {
  it('writes what `opsctl config validate` accepts: the service named for the folder, the port the Dockerfile exposes', async () => {
    const dir = await repository({ Dockerfile: DOCKERFILE }, { name: 'Shop_Front' });
    const run = await runCli(['init', '--yes', '--secret', 'DATABASE_URL', '--secret', 'API_KEY'], {
      cwd: dir,
    });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(Object.keys(await snapshot(dir)).sort()).toEqual([
      '.env.example',
      '.github/workflows/opsctl.yml',
      '.gitignore',
      'Dockerfile',
      'opsctl.yaml',
      'schema/opsctl.schema.json',
    ]);
    const validate = await runCli(['config', 'validate', '--json'], { cwd: dir });
    expect(validate.exitCode, validate.stdout).toBe(0);
    expect(envelope(validate.stdout).result).toMatchObject({
      valid: true,
      project: 'shop-front',
      services: ['shop-front'],
      environments: ['staging', 'production'],
    });
    const config = await readFile(join(dir, 'opsctl.yaml'), 'utf8');
    expect(config).toContain('    port: 8080\n');
    expect(config).toContain('      tag: opsctl-production-shop-front\n');
    expect(await readFile(join(dir, '.env.example'), 'utf8')).toMatch(
      /\nDATABASE_URL=\nAPI_KEY=\n$/,
    );
  });

  it('--json returns every file it wrote with its content; flags set the service and port', async () => {
    const dir = await repository({ Dockerfile: DOCKERFILE, '.env.example': 'API_KEY=\n' });
    const run = await runCli(
      ['init', '--json', '--service', 'api', '--port', '4000', '--secret', 'API_KEY'],
      { cwd: dir },
    );
    expect(run.exitCode, run.stderr).toBe(0);
    const result = envelope(run.stdout).result as {
      files: { path: string; action: string; content: string }[];
    };
    const files = await snapshot(dir);
    expect(result.files.map((f) => [f.path, f.action])).toEqual([
      ['opsctl.yaml', 'created'],
      ['schema/opsctl.schema.json', 'created'],
      ['.github/workflows/opsctl.yml', 'created'],
      ['.gitignore', 'appended'],
    ]);
    for (const f of result.files) expect(files[f.path], f.path).toBe(f.content);
    expect(files['opsctl.yaml']).toContain(
      '  api:\n    dockerfile: Dockerfile\n    context: .\n    port: 4000\n',
    );
    // .env.example listed API_KEY already: left as it was.
    expect(files['.env.example']).toBe('API_KEY=\n');
  });

  it('--dry-run prints the files and writes nothing', async () => {
    const dir = await repository({ Dockerfile: DOCKERFILE });
    const run = await runCli(['init', '--yes', '--dry-run', '--secret', 'API_KEY'], { cwd: dir });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain('--- opsctl.yaml (new)\n# yaml-language-server: $schema=');
    expect(run.stdout).toContain('--- .github/workflows/opsctl.yml (new)\n');
    expect(run.stdout).toContain('--- .env.example (after appending)\n');
    expect(await snapshot(dir)).toEqual({ Dockerfile: DOCKERFILE });
  });

  it('refuses to replace an existing file without --force, naming each one, and changes nothing', async () => {
    const dir = await repository({
      Dockerfile: DOCKERFILE,
      'opsctl.yaml': 'project: mine\n',
      '.github/workflows/opsctl.yml': 'name: mine\n',
    });
    const before = await snapshot(dir);
    const run = await runCli(['init', '--yes', '--secret', 'API_KEY'], { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('INIT_FILES_EXIST');
    expect(run.stderr).toContain(
      'so it wrote nothing:\n  opsctl.yaml\n  .github/workflows/opsctl.yml\n',
    );
    expect(run.stderr).toContain('--force');
    expect(await snapshot(dir)).toEqual(before);

    const forced = await runCli(['init', '--yes', '--force', '--json'], { cwd: dir });
    expect(forced.exitCode, forced.stderr).toBe(0);
    expect(
      (envelope(forced.stdout).result as { files: { action: string }[] }).files.map(
        (f) => f.action,
      ),
    ).toEqual(['replaced', 'created', 'replaced', 'appended']);
    // The first run appended the .gitignore entries: the forced one found them all.
    const again = await runCli(['init', '--yes', '--force', '--json'], { cwd: dir });
    expect(
      (envelope(again.stdout).result as { files: { path: string }[] }).files.map((f) => f.path),
    ).not.toContain('.gitignore');
    expect(await readFile(join(dir, 'opsctl.yaml'), 'utf8')).toContain('project: shop\n');
  });

  it('refuses a folder without a Dockerfile, saying where to run it, and writes nothing', async () => {
    const dir = await repository({ 'README.md': '# shop\n' });
    const run = await runCli(['init', '--yes'], { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`INIT_NO_DOCKERFILE`);
    expect(run.stderr).toContain(`There is no Dockerfile in ${dir}`);
    expect(run.stderr).toContain('folder that holds the service’s Dockerfile');
    expect(await snapshot(dir)).toEqual({ 'README.md': '# shop\n' });
  });

  it('refuses a folder outside any git repository, saying what to do, and writes nothing', async () => {
    const dir = await repository({ Dockerfile: DOCKERFILE }, { git: false });
    const run = await runCli(['init', '--yes'], {
      cwd: dir,
      // No repository above the temp dir counts, even if the system's temp dir were in one.
      env: { GIT_CEILING_DIRECTORIES: base },
    });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('INIT_NOT_A_GIT_REPOSITORY');
    expect(run.stderr).toContain('git init');
    expect(await snapshot(dir)).toEqual({ Dockerfile: DOCKERFILE });
  });

  it('refuses a secret name opsctl.yaml would reject, and writes nothing', async () => {
    const dir = await repository({ Dockerfile: DOCKERFILE });
    const run = await runCli(['init', '--yes', '--secret', 'api-key'], { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('secret name "api-key" is not valid');
    expect(await snapshot(dir)).toEqual({ Dockerfile: DOCKERFILE });
  });

  it('in a terminal asks for the service name, port and secrets, Enter keeping the default', async () => {
    const dir = await repository({ Dockerfile: DOCKERFILE });
    const bin = fileURLToPath(new URL('../../../bin/run.js', import.meta.url));
    // `script` gives the CLI a pseudo-terminal; each answer is typed once its question shows.
    const child = spawn('script', ['-qefc', `'${process.execPath}' '${bin}' init`, '/dev/null'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', TERM: 'dumb' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const answers: [string, string][] = [
      ['Service name (shop): ', 'storefront\r'],
      ['Port the container listens on (8080): ', '\r'],
      ['Secrets the service reads (names, comma-separated): ', 'API_KEY, SESSION_SECRET\r'],
    ];
    let screen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString();
      const next = answers[0];
      if (next !== undefined && screen.includes(next[0])) {
        answers.shift();
        child.stdin.write(next[1]);
      }
    });
    // A question that never shows would leave the CLI waiting: stop it well before the test's
    // own bound, so the failure shows the screen.
    const bound = setTimeout(() => child.kill('SIGKILL'), 90_000);
    const exitCode = await new Promise<number | null>((done) => child.on('exit', done));
    clearTimeout(bound);
    expect(exitCode, screen).toBe(0);
    expect(answers).toEqual([]);
    const config = await readFile(join(dir, 'opsctl.yaml'), 'utf8');
    expect(config).toContain(
      '  storefront:\n    dockerfile: Dockerfile\n    context: .\n    port: 8080\n',
    );
    expect(config).toContain('      - { name: SESSION_SECRET, targets: [droplets] }\n');
  });
});
