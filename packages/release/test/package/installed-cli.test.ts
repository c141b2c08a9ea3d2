import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installGlobally, type InstalledCli } from '../../src/installed-cli.js';
import { node22 } from '../../src/node-22.js';
import { packRelease, type ReleaseTarballs } from '../../src/pack-release.js';
import { findRepoRoot } from '../../src/repo-root.js';

// The packed CLI installed as another repository installs it: `npm install -g` of the tarball,
// its dependencies from the npm registry, on each supported Node line, without the plugin.
const root = findRepoRoot();
let work: string;
let tarballs: ReleaseTarballs;
const nodes: Record<string, string> = {};

const CONFIG = `project: shop
registry:
  url: registry.example.com:5000/team
services:
  api:
    dockerfile: Dockerfile
environments:
  staging:
    droplets:
      static:
        - { name: web-1, host: 10.0.0.5 }
    ssh:
      key: keys/deploy
`;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'opsctl-package-'));
  tarballs = await packRelease(root, join(work, 'tarballs'), { build: false });
  // Node 22 is kept beside the workspace's own Node (.tools is not committed).
  nodes['22'] = await node22(join(root, '.tools', 'node22'));
  nodes['24'] = process.execPath;
}, 900_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Every folder under `dir` (following no links), as paths relative to it. */
async function folders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

describe('the packed @opsctl/cli', () => {
  it('declares runtime dependencies only, with versions npm can resolve', async () => {
    const { stdout } = await execa('tar', ['-xOzf', tarballs.cli, 'package/package.json']);
    const pjson = JSON.parse(stdout) as {
      dependencies: Record<string, string>;
      engines: { node: string };
    };
    expect(stdout).not.toContain('workspace:');
    expect(stdout).not.toContain('@opsctl/testbed');
    expect(Object.keys(pjson)).not.toContain('devDependencies');
    expect(Object.keys(pjson.dependencies)).toContain('@oclif/core');
    expect(pjson.engines.node).toBe('^22.12.0 || ^24.0.0');
    const { stdout: files } = await execa('tar', ['-tzf', tarballs.cli]);
    expect(files.split('\n')).toContain('package/oclif.manifest.json');
    expect(files).not.toMatch(/^package\/(src|test)\//m);
  });
});

describe.each(['22', '24'])('installed with npm install -g on Node %s', (line) => {
  let cli: InstalledCli;
  let project: string;

  beforeAll(async () => {
    const node = nodes[line];
    if (node === undefined) throw new Error(`no Node ${line}`);
    cli = await installGlobally(tarballs.cli, join(work, `prefix-${line}`), node);
    project = join(work, `project-${line}`);
    await execa('mkdir', ['-p', project]);
    await writeFile(join(project, 'opsctl.yaml'), CONFIG);
  }, 900_000);

  it('prints its version, on that Node', async () => {
    const run = await cli.run(['--version'], project);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^@opsctl/cli/0\\.1\\.0 \\S+ node-v${line}\\.`));
  });

  it('lists its commands and the plugins command, and no local environment', async () => {
    const run = await cli.run(['--help'], project);
    expect(run.exitCode).toBe(0);
    for (const topic of [
      'deploy',
      'rollback',
      'images',
      'secrets',
      'config',
      'logs',
      'exec',
      'plugins',
      'autocomplete',
    ]) {
      expect(run.stdout).toMatch(new RegExp(`^  ${topic}\\s`, 'm'));
    }
    expect(run.stdout).not.toMatch(/^ {2}local\s/m);
  });

  it('completes its commands and their flags in the shell through the autocomplete plugin', async () => {
    // The plugin writes its completion functions under the cache folder: this test's own.
    const cache = join(work, `cache-${line}`);
    const run = await cli.run(['autocomplete', 'bash'], project, { XDG_CACHE_HOME: cache });
    expect(run.stderr).toContain('Building the autocomplete cache... done');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('opsctl autocomplete script bash');
    const bash = await readFile(
      join(cache, 'opsctl', 'autocomplete', 'functions', 'bash', 'opsctl.bash'),
      'utf8',
    );
    expect(bash).toMatch(/^logs .*--droplet --since --tail --follow$/m);
    expect(bash).toMatch(/^exec .*--droplet --tty$/m);
    expect(bash).toMatch(/^lock:status /m);
  });

  it('validates an opsctl.yaml in another folder', async () => {
    const run = await cli.run(['config', 'validate'], project);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(
      'is valid: project shop, 1 service (api), 1 environment (staging).',
    );
  });

  it('says how to install the local environment when it is asked for', async () => {
    const run = await cli.run(['local', 'up'], project);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('Error [LOCAL_PLUGIN_MISSING]');
    expect(run.stderr).toContain('opsctl plugins install @opsctl/plugin-local');
  });

  it('has no @opsctl/testbed, and no workspace: range, anywhere in what it installed', async () => {
    const installed = await folders(join(cli.prefix, 'lib', 'node_modules'));
    expect(installed.filter((f) => f.endsWith(join('@opsctl', 'testbed')))).toEqual([]);
    expect(installed).toContain(join('@opsctl', 'cli'));
    expect(await readFile(join(cli.packageDir, 'package.json'), 'utf8')).not.toContain(
      'workspace:',
    );
  });

  it('loads every module it ships with what it installed (a dev dependency imported at run time fails here)', async () => {
    const dist = join(cli.packageDir, 'dist');
    const modules = (await readdir(dist, { recursive: true }))
      .filter((f) => f.endsWith('.js'))
      .map((f) => join(dist, f));
    expect(modules.length).toBeGreaterThan(100);
    const script = `for (const m of ${JSON.stringify(modules)}) await import(m);`;
    const run = await execa(cli.node, ['--input-type=module', '-e', script], {
      cwd: project,
      reject: false,
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(existsSync(join(cli.packageDir, 'node_modules', 'vitest'))).toBe(false);
  });
});
