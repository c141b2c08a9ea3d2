import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import {
  abnormalRequests,
  buildApiRelease,
  fakeSha,
  localEnvironmentVariables,
  localLayout,
  startLoad,
  waitForAllDropletsUp,
  type LoadReport,
} from '@opsctl/testbed';
import { composeBaseline } from './baseline-compose.js';
import { localEnvWith, type BenchEnv } from './bench-env.js';

/**
 * `pnpm bench:deploy`: deploy and rollback times per droplet (image already pulled / with pull;
 * rollbacks within deploy.warmWindow and cold ones with it 0, printed side by side),
 * 1 droplet against 3, and the requests sent and failed through the load balancer meanwhile
 * (fixed rate, keep-alive); then the original plan's recipe (docker-compose recreate) under the
 * same load. Prints figures; asserts nothing.
 */
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const RATE = Number(process.env.BENCH_RATE ?? 200);
const LB = 'http://127.0.0.1:8080';
const rows: string[][] = [];

/** Requests sent during a stretch of the run, and those that failed, by kind. */
interface Traffic {
  readonly sent: number;
  readonly failures: Readonly<Record<string, number>>;
}

const failedCount = (t: Traffic): number => Object.values(t.failures).reduce((a, b) => a + b, 0);
const failedCell = (t: Traffic): string => {
  const count = failedCount(t);
  return count === 0 ? '0' : `${String(count)} ${JSON.stringify(t.failures)}`;
};

function row(
  scenario: string,
  step: string,
  seconds: number,
  perDroplet: string,
  traffic: Traffic | undefined,
): void {
  rows.push([
    scenario,
    step,
    seconds.toFixed(1),
    perDroplet,
    traffic ? String(traffic.sent) : '-',
    traffic ? failedCell(traffic) : '-',
  ]);
  process.stderr.write(
    `${scenario} | ${step}: ${seconds.toFixed(1)} s${traffic ? `, ${traffic.sent} sent, ${failedCell(traffic)} failed` : ''}\n`,
  );
}

/** The part of a load report sent while request numbers were in [from, to). */
function trafficBetween(report: LoadReport, from: number, to: number): Traffic {
  const failures: Record<string, number> = {};
  for (const f of report.failedRequests) {
    if (f.n >= from && f.n < to) failures[f.kind] = (failures[f.kind] ?? 0) + 1;
  }
  return { sent: to - from, failures };
}

interface Ran {
  readonly seconds: number;
  readonly perDroplet: string;
  /** A rollback's path (warm: a switch to the kept slot; cold: the release started again). */
  readonly path: string | undefined;
}

async function opsctl(env: BenchEnv, args: string[], config = env.config): Promise<Ran> {
  const started = performance.now();
  const r = await execa('node', [env.cli, ...args, '--config', config, '--json'], {
    reject: false,
    // The copied config lives elsewhere; the local environment's state stays the checkout's.
    env: { CI: 'true', OPSCTL_STATE_DIR: `${repoRoot}.opsctl/local` },
  });
  const seconds = (performance.now() - started) / 1000;
  if (r.exitCode !== 0)
    throw new Error(`opsctl ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  const result = (
    JSON.parse(r.stdout) as {
      result: { droplets: { durationMs: number }[]; path?: { path: string; reason: string } };
    }
  ).result;
  const per = result.droplets.map((d) => (d.durationMs / 1000).toFixed(1)).join(' / ');
  return { seconds, perDroplet: per, path: result.path?.path };
}

async function pushReleases(releases: Record<string, string>): Promise<void> {
  for (const sha of Object.values(releases)) {
    await buildApiRelease(sha, {
      repoRoot,
      repository: 'registry.opsctl.local:5443/opsctl-local/api',
      registryUser: 'opsctl',
      registryPassword,
    });
  }
}

async function scenario(
  droplets: number,
  releases: { v1: string; v2: string; v3: string },
): Promise<LoadReport> {
  const env = await localEnvWith(repoRoot, droplets);
  // A new droplet count recreates the environment, registry included: push the releases again.
  await pushReleases(releases);
  const name = `${droplets} droplet${droplets === 1 ? '' : 's'}`;
  await opsctl(env, ['deploy', 'local', '--sha', releases.v1]);
  // Load starts only once the load balancer sees every (fresh) droplet healthy, as in production.
  const layout = localLayout(droplets);
  await waitForAllDropletsUp(
    layout.loadBalancerStatsPort,
    layout.droplets.map((d) => d.name),
    60_000,
  );
  const load = startLoad({
    url: LB,
    path: '/health',
    rate: RATE,
    connections: 16,
    maxRequests: 60_000,
  });
  // The warm-off config stops the old slot after a switch, so the rollback after it is cold.
  const off = env.configWarmOff;
  const steps: [string, string[], string?][] = [
    ['deploy (with pull)', ['deploy', 'local', '--sha', releases.v2]],
    ['rollback', ['rollback', 'local']],
    ['deploy (image already pulled, warmWindow 0)', ['deploy', 'local', '--sha', releases.v2], off],
    ['rollback', ['rollback', 'local'], off],
    ['deploy (image already pulled)', ['deploy', 'local', '--sha', releases.v2]],
    ['rollback --sha', ['rollback', 'local', '--sha', releases.v1.slice(0, 7)]],
    ['deploy (with pull)', ['deploy', 'local', '--sha', releases.v3]],
  ];
  const done: (Ran & { step: string; from: number; to: number })[] = [];
  for (const [step, args, config] of steps) {
    const from = load.sentSoFar();
    const ran = await opsctl(env, args, config);
    const named = ran.path === undefined ? step : `${step} (${ran.path})`;
    done.push({ ...ran, step: named, from, to: load.sentSoFar() });
  }
  const report = await load.stop();
  // Requests between steps (and in flight at a boundary) count for the whole run only.
  for (const d of done) {
    row(name, d.step, d.seconds, d.perDroplet, trafficBetween(report, d.from, d.to));
  }
  row(name, `all steps under ${RATE} req/s`, report.durationMs / 1000, '-', report);
  compareRollbacks(name, done, report);
  // What the load balancer saw of anything that did not end normally (it keeps its log until the
  // environment is recreated).
  for (const line of (await abnormalRequests(layout)).slice(0, 20)) {
    process.stderr.write(`${name} | load balancer: ${line}\n`);
  }
  return report;
}

const rollbackRows: string[][] = [];

/** The warm-window rollback and the cold one of a scenario, side by side. */
function compareRollbacks(
  name: string,
  done: readonly (Ran & { step: string; from: number; to: number })[],
  report: LoadReport,
): void {
  const first = (path: string) =>
    done.find((d) => d.step.startsWith('rollback (') && d.path === path);
  const cell = (d: (typeof done)[number] | undefined): string[] =>
    d === undefined
      ? ['-', '-', '-']
      : [d.seconds.toFixed(1), d.perDroplet, failedCell(trafficBetween(report, d.from, d.to))];
  rollbackRows.push([name, ...cell(first('warm')), ...cell(first('cold'))]);
}

async function baseline(releases: { v1: string; v2: string }): Promise<LoadReport> {
  const env = Object.fromEntries(
    ['DATABASE_URL', 'REDIS_URL'].map((k) => [k, localValues[k] ?? '']),
  );
  const port = 18_080;
  const compose = await composeBaseline(
    `registry.opsctl.local:5443/opsctl-local/api:${releases.v1.slice(0, 12)}`,
    env,
    port,
  );
  try {
    await compose.start();
    for (
      let i = 0;
      i < 60 &&
      (await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined))?.status !== 200;
      i++
    ) {
      await new Promise((r) => setTimeout(r, 500));
    }
    const load = startLoad({
      url: `http://127.0.0.1:${port}`,
      path: '/health',
      rate: RATE,
      connections: 16,
      maxRequests: 60_000,
    });
    for (const tag of [releases.v2, releases.v1, releases.v2]) {
      const started = performance.now();
      await compose.switchTo(`registry.opsctl.local:5443/opsctl-local/api:${tag.slice(0, 12)}`);
      row(
        'docker-compose recipe',
        'recreate',
        (performance.now() - started) / 1000,
        '-',
        undefined,
      );
      await new Promise((r) => setTimeout(r, 5000));
    }
    const report = await load.stop();
    row(
      'docker-compose recipe',
      `3 recreates under ${RATE} req/s`,
      report.durationMs / 1000,
      '-',
      report,
    );
    return report;
  } finally {
    await compose.stop();
  }
}

function mergeFailures(...reports: LoadReport[]): Record<string, number> {
  const all: Record<string, number> = {};
  for (const r of reports) {
    for (const [kind, count] of Object.entries(r.failures)) all[kind] = (all[kind] ?? 0) + count;
  }
  return all;
}

// This checkout's opsctl: the core CLI with this plugin, as ./bin/opsctl runs it.
const checkoutOpsctl = fileURLToPath(new URL('../../bin/opsctl.js', import.meta.url));
await execa('node', [checkoutOpsctl, 'local', 'up'], { cwd: repoRoot });
const localValues = await localEnvironmentVariables(`${repoRoot}.opsctl/local`);
const registryPassword = localValues.OPSCTL_REGISTRY_PASSWORD ?? '';
const releases = { v1: fakeSha(), v2: fakeSha(), v3: fakeSha() };
// BENCH_DROPLETS: the droplet counts to run (default 1,3); each recreates the environment, so
// the droplets start with no image again.
const counts = (process.env.BENCH_DROPLETS ?? '1,3').split(',').map(Number);
const runs: LoadReport[] = [];
for (const count of counts) runs.push(await scenario(count, releases));
const recipe = await baseline(releases);

const header = ['scenario', 'step', 'seconds', 'per droplet (s)', 'requests', 'failed'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
process.stdout.write(`\n${line(header)}\n${rows.map(line).join('\n')}\n`);
const sideBySide = [
  'scenario',
  'warm rollback (s)',
  'per droplet (s)',
  'failed',
  'cold rollback (s)',
  'per droplet (s)',
  'failed',
];
const sideWidths = sideBySide.map((h, i) =>
  Math.max(h.length, ...rollbackRows.map((r) => (r[i] ?? '').length)),
);
const sideLine = (cells: string[]) => cells.map((c, i) => c.padEnd(sideWidths[i] ?? 0)).join('  ');
process.stdout.write(
  `\nrollback within the warm window against a cold one (deploy.warmWindow 0), under ${RATE} req/s\n${sideLine(sideBySide)}\n${rollbackRows.map(sideLine).join('\n')}\n`,
);
const total = runs.reduce((n, r) => n + r.sent, 0);
const failed = runs.reduce((n, r) => n + r.failed, 0);
process.stdout.write(
  `\nblue-green: ${total} requests at ${RATE} req/s, ${failed} failed ${JSON.stringify(mergeFailures(...runs))}; docker-compose recipe: ${recipe.sent} requests, ${recipe.failed} failed ${JSON.stringify(recipe.failures)}\n`,
);
await execa('node', [checkoutOpsctl, 'local', 'up', '--droplets', '2'], { cwd: repoRoot });
