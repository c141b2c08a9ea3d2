import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { engineAnswers, firstReadmeCommand, newcomerEnvironment } from '../fresh-clone/newcomer.js';
import { splitIntoParts, type Part } from '../fresh-clone/run-parts.js';
import { findRepoRoot } from '../repo-root.js';

/**
 * pnpm bench:fresh — the README's first command as a newcomer meets it, timed in parts: a clone
 * with nothing beside it, no engine of ours running and (unless --keep-images) none of the local
 * environment's images, then a second run after a new commit in the same clone. Prints figures;
 * judges nothing. Debian packages and the npm and pnpm caches of this machine stay as they are.
 */
const { values } = parseArgs({ options: { 'keep-images': { type: 'boolean', default: false } } });
const root = findRepoRoot();
const command = firstReadmeCommand(readFileSync(join(root, 'README.md'), 'utf8'));
const env = newcomerEnvironment(process.env);

/** Removes the environment's images with the running engine, or one started for that alone. */
async function removeEnvironmentImages(): Promise<void> {
  let started: ReturnType<typeof spawn> | undefined;
  try {
    if (!engineAnswers()) {
      started = spawn('dockerd', [], { stdio: 'ignore' });
      const deadline = Date.now() + 60_000;
      while (!engineAnswers()) {
        if (Date.now() > deadline) throw new Error('dockerd did not answer within 60 s');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    // Everything the local environment builds is named opsctl-local/... (its layout's prefix).
    // By name, newest first: an image built FROM another goes before its parent; a parent that
    // still has children elsewhere (the api images are built FROM the base) is only untagged,
    // which is enough for the next run to build it again. What counts is that no name is left.
    const listed = () =>
      execFileSync(
        'docker',
        [
          'images',
          '--filter',
          'reference=opsctl-local/*',
          '--format',
          '{{.CreatedAt}}\t{{.Repository}}:{{.Tag}}',
        ],
        { encoding: 'utf8' },
      )
        .split('\n')
        .filter((line) => line !== '')
        .sort()
        .reverse()
        .map((line) => line.split('\t')[1] ?? '');
    for (const name of new Set(listed()))
      spawnSync('docker', ['rmi', '-f', name], { stdio: 'ignore' });
    const left = listed();
    if (left.length > 0) throw new Error(`could not remove the images ${left.join(', ')}`);
  } finally {
    if (started !== undefined) {
      const exited = new Promise((r) => started?.once('exit', r));
      started.kill('SIGTERM');
      await exited;
    }
  }
}

/** Runs the command in the clone, stamping each output line with the seconds since start. */
function timedRun(
  argv: readonly string[],
  cwd: string,
): Promise<{ code: number | null; lines: { at: number; text: string }[]; total: number }> {
  const [file = '', ...args] = argv;
  const start = performance.now();
  const lines: { at: number; text: string }[] = [];
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const take = (chunk: Buffer) => {
      const at = (performance.now() - start) / 1000;
      for (const text of chunk.toString().split('\n'))
        if (text.trim() !== '') lines.push({ at, text });
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, lines, total: (performance.now() - start) / 1000 });
    });
  });
}

type TimedRun = Awaited<ReturnType<typeof timedRun>>;

/** The run, or an error with its last lines. */
function succeeded(which: string, run: TimedRun): TimedRun {
  if (run.code === 0) return run;
  const tail = run.lines.slice(-30).map((l) => l.text);
  throw new Error(`the ${which} run failed:\n${tail.join('\n')}`);
}

async function median(run: () => Promise<{ total: number }>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i += 1) times.push((await run()).total);
  return times.sort((x, y) => x - y)[2] ?? Number.NaN;
}

const row = (label: string, parts: readonly Part[], total: number): string =>
  `| ${label} | ${parts.map((p) => p.seconds.toFixed(1)).join(' | ')} | ${total.toFixed(1)} |`;

const top = await mkdtemp(join(tmpdir(), 'opsctl-bench-fresh-'));
const clone = join(top, 'repo');
try {
  if (!values['keep-images']) await removeEnvironmentImages();
  const engineBefore = engineAnswers();
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', root, clone]);
  const first = succeeded('first', await timedRun(command, clone));
  execFileSync('git', ['commit', '--quiet', '--allow-empty', '-m', 'second release'], {
    cwd: clone,
    env: {
      ...env,
      GIT_AUTHOR_NAME: 'bench',
      GIT_AUTHOR_EMAIL: 'bench@opsctl.invalid',
      GIT_COMMITTER_NAME: 'bench',
      GIT_COMMITTER_EMAIL: 'bench@opsctl.invalid',
    },
  });
  const second = succeeded('second', await timedRun(command, clone));
  const a = splitIntoParts(first.lines, first.total);
  const b = splitIntoParts(second.lines, second.total);
  process.stdout.write(
    `\`${command.join(' ')}\` in a fresh clone (seconds; ${engineBefore ? 'a Docker engine was already running' : 'no Docker engine running before'}; environment images ${values['keep-images'] ? 'kept' : 'removed first'})\n\n`,
  );
  process.stdout.write(
    `| run | ${a.map((p) => p.name).join(' | ')} | total |\n|${' --- |'.repeat(a.length + 2)}\n`,
  );
  process.stdout.write(`${row('first, from an empty state', a, first.total)}\n`);
  process.stdout.write(`${row('second, after a new commit', b, second.total)}\n`);
  const version = await median(() => timedRun(['./bin/opsctl', '--version'], clone));
  const cli = await median(() =>
    timedRun([join(clone, '.tools/node/bin/node'), 'packages/cli/bin/run.js', '--version'], clone),
  );
  const bare = await median(() =>
    timedRun([join(clone, '.tools/node/bin/node'), '-e', '0'], clone),
  );
  process.stdout.write(
    `\nstart-up, median of 5: ./bin/opsctl --version ${version.toFixed(2)} s (nothing changed since the build); the CLI alone ${cli.toFixed(2)} s against node -e 0 ${bare.toFixed(2)} s (${(cli / bare).toFixed(1)} x)\n`,
  );
} finally {
  await timedRun(['./bin/opsctl', 'local', 'down'], clone).catch(() => undefined);
  await rm(top, { recursive: true, force: true });
}
