import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startLoad, type RunningLoad } from '@opsctl/testbed';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installGlobally, type CliRun, type InstalledCli } from '../../src/installed-cli.js';
import { packRelease } from '../../src/pack-release.js';
import { findRepoRoot } from '../../src/repo-root.js';

// Another team's repository: a small plain-Node service with its own Dockerfile, in a git
// repository of its own, adopting the packed opsctl (npm install -g) and this checkout's local
// plugin (linked, as the plugin's README says to until it is published), then deploying,
// rolling back and pruning on the local environment while load runs through the load balancer.
const root = findRepoRoot();
const LB_URL = 'http://127.0.0.1:8080';

const SERVER = (greeting: string) => `import { createServer } from 'node:http';

const sha = process.env.GIT_SHA ?? 'unknown';
const server = createServer((req, res) => {
  const json = (body) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (req.url === '/health') json({ status: 'ok' });
  else if (req.url === '/version') json({ sha });
  else json({ greeting: '${greeting}', sha });
});
server.listen(8080);
// Finish the requests in flight, then exit: the drain opsctl waits for.
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

// The build argument opsctl passes (GIT_SHA) becomes the version the smoke test checks; the base
// image is an argument so the local environment can build it without Docker Hub.
const DOCKERFILE = `ARG BASE_IMAGE=node:24-slim
FROM \${BASE_IMAGE}
WORKDIR /app
COPY server.mjs .
ARG GIT_SHA=unknown
ENV GIT_SHA=\${GIT_SHA}
EXPOSE 8080
USER node
CMD ["node", "server.mjs"]
`;

let work: string | undefined;
let repo: string;
let cli: InstalledCli | undefined;
let load: RunningLoad | undefined;
const commits: string[] = [];

const git = async (...args: string[]): Promise<string> =>
  (
    await execa('git', args, {
      cwd: repo,
      env: {
        GIT_AUTHOR_NAME: 'Shop Team',
        GIT_AUTHOR_EMAIL: 'team@shop.example',
        GIT_COMMITTER_NAME: 'Shop Team',
        GIT_COMMITTER_EMAIL: 'team@shop.example',
      },
    })
  ).stdout.trim();

async function commit(message: string): Promise<string> {
  await git('add', '-A');
  await git('commit', '-q', '-m', message);
  const sha = await git('rev-parse', 'HEAD');
  commits.push(sha);
  return sha;
}

/** Runs the installed opsctl in the service's repository, and fails the test with its output. */
async function opsctl(...args: string[]): Promise<CliRun> {
  if (cli === undefined) throw new Error('opsctl was not installed');
  const run = await cli.run(args, repo);
  expect(run.exitCode, `opsctl ${args.join(' ')}\n${run.stdout}\n${run.stderr}`).toBe(0);
  return run;
}

async function live(): Promise<string> {
  const res = await fetch(`${LB_URL}/version`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { sha: string }).sha;
}

beforeAll(async () => {
  const running = await execa('docker', ['ps', '-q', '--filter', 'name=^opsctl-local-']);
  if (running.stdout.trim() !== '') {
    throw new Error(
      'a local environment is running already: stop it (`./bin/opsctl local down`) first',
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'opsctl-outside-'));
  work = dir;
  const tarballs = await packRelease(root, join(dir, 'tarballs'), { build: false });
  // A HOME of its own: `plugins link` records the plugin under it, nowhere else.
  const home = join(dir, 'home');
  await mkdir(home);
  // The user's Docker CLI: the one this machine's setup put first (bin/lib/setup.sh picks one
  // that builds with BuildKit), as a user's own installation would have.
  const { stdout: docker } = await execa('sh', ['-c', 'command -v docker']);
  const prefix = join(dir, 'prefix');
  const path = [join(prefix, 'bin'), dirname(process.execPath), dirname(docker.trim())];
  cli = await installGlobally(tarballs.cli, prefix, process.execPath, {
    HOME: home,
    PATH: [...path, '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
  });
  repo = join(dir, 'shop');
  await mkdir(repo);
  await git('init', '-q', '-b', 'main');
  await writeFile(join(repo, 'server.mjs'), SERVER('first'));
  await writeFile(join(repo, 'Dockerfile'), DOCKERFILE);
  await commit('a service of our own');
}, 900_000);

afterAll(async () => {
  await load?.stop();
  load = undefined;
  if (cli !== undefined) await cli.run(['local', 'down'], repo);
  if (work !== undefined) await rm(work, { recursive: true, force: true });
}, 300_000);

describe('opsctl in another repository, installed from its package', () => {
  it('adopts the repository: init, the local plugin, local init, config validate', async () => {
    await opsctl('init', '--yes', '--service', 'api');
    const config = await readFile(join(repo, 'opsctl.yaml'), 'utf8');
    expect(config).toContain('    port: 8080\n');
    expect(await readFile(join(repo, '.gitignore'), 'utf8')).toContain('.opsctl/\n');

    await opsctl('plugins', 'link', join(root, 'packages', 'plugin-local'));
    expect((await opsctl('plugins')).stdout).toContain('@opsctl/plugin-local 0.1.0 (link)');
    const local = await opsctl('local', 'init');
    // The linked plugin runs from its compiled dist, quietly.
    expect(local.stderr).toBe('');
    const validate = await opsctl('config', 'validate');
    expect(validate.stdout).toContain('3 environments (staging, production, local)');
    await commit('adopt opsctl');
  });

  it('deploys the first commit: the environment comes up, the image is built, pushed and served', async () => {
    const run = await opsctl('deploy', 'local');
    expect(run.stdout + run.stderr).toContain('found 2 droplet(s) tagged opsctl-local-api');
    expect(await live()).toBe(commits[1]);
    load = startLoad({ url: LB_URL, path: '/version', rate: 50, connections: 4 });
  }, 900_000);

  it('deploys a second commit under load', async () => {
    await writeFile(join(repo, 'server.mjs'), SERVER('second'));
    const second = await commit('say it twice');
    await opsctl('deploy', 'local');
    expect(await live()).toBe(second);
  }, 600_000);

  it('rolls back by --sha to the first release', async () => {
    const first = commits[1] ?? '';
    await opsctl('rollback', 'local', '--sha', first.slice(0, 7));
    expect(await live()).toBe(first);
  }, 600_000);

  it('rolls back to the release before: the second', async () => {
    await opsctl('rollback', 'local');
    expect(await live()).toBe(commits[2]);
  }, 600_000);

  it('prunes images keeping 5, and no request failed through any of it', async () => {
    const prune = await opsctl('images', 'prune', 'local', '--keep', '5');
    expect(prune.stdout).toMatch(/keep/i);
    const report = await load?.stop();
    load = undefined;
    if (report === undefined) throw new Error('no load ran: the first deploy failed');
    expect(report.sent).toBeGreaterThan(100);
    expect(report.failed, JSON.stringify(report.failures)).toBe(0);
    process.stdout.write(
      `another repository: ${report.sent} requests during deploy, deploy, rollback --sha, rollback and prune; ${report.failed} failed\n`,
    );
  }, 600_000);
});
