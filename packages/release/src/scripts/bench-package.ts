import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { installGlobally, userEnvironment } from '../installed-cli.js';
import { packRelease } from '../pack-release.js';
import { findRepoRoot } from '../repo-root.js';
import { spread, timeRuns, type Spread } from '../timing.js';

/**
 * `pnpm bench:package [--runs N] [--node PATH]`: packs @opsctl/cli, installs the tarball with
 * `npm install -g` into a temporary prefix, and prints the tarball's size, the installed size
 * (the CLI and every dependency npm put beside it) and the cold start of the installed
 * `opsctl --version` against `node -e 0` on the same Node. Prints figures; judges nothing.
 */
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '20' }, node: { type: 'string' } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs must be a whole number ≥ 1, got ${values.runs}`);
const node = values.node ?? process.execPath;
const work = await mkdtemp(join(tmpdir(), 'opsctl-bench-package-'));
try {
  const tarballs = await packRelease(findRepoRoot(), join(work, 'tarballs'));
  const cli = await installGlobally(tarballs.cli, join(work, 'prefix'), node);
  const installed = join(cli.prefix, 'lib', 'node_modules');
  // du -sb: apparent size in bytes, what the files hold (not the blocks they take).
  const du = async (path: string) =>
    Number((await execa('du', ['-sb', path])).stdout.split('\t')[0]);
  const env = userEnvironment(node, cli.prefix);
  const opsctl = join(cli.prefix, 'bin', 'opsctl');
  // One warm-up run each, so both start from the same file cache.
  timeRuns(opsctl, ['--version'], 1, env);
  timeRuns(node, ['-e', '0'], 1, env);
  const version = spread(timeRuns(opsctl, ['--version'], runs, env));
  const bare = spread(timeRuns(node, ['-e', '0'], runs, env));
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
  const ms = (s: Spread) => `${s.min.toFixed(0)} / ${s.median.toFixed(0)} / ${s.max.toFixed(0)} ms`;
  const { stdout: nodeVersion } = await execa(node, ['--version']);
  process.stdout.write(
    [
      `opsctl package (Node ${nodeVersion}, ${runs} runs each, min / median / max)`,
      `  tarball                 ${mib((await stat(tarballs.cli)).size)}  (${tarballs.cli.split('/').at(-1) ?? ''})`,
      `  installed               ${mib(await du(installed))}  (the CLI and every dependency npm installed)`,
      `  opsctl --version        ${ms(version)}`,
      `  node -e 0               ${ms(bare)}`,
      `  opsctl's own start      ${(version.median - bare.median).toFixed(0)} ms (median difference)`,
      '',
    ].join('\n'),
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
