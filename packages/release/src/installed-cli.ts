import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execa } from 'execa';

/** opsctl installed with `npm install -g --prefix <prefix> <tarball>`, run on one Node. */
export interface InstalledCli {
  readonly prefix: string;
  /** The Node the install ran on, and on whose PATH the `opsctl` shim runs. */
  readonly node: string;
  /** Where the package landed: <prefix>/lib/node_modules/@opsctl/cli. */
  readonly packageDir: string;
  /** Runs the installed `opsctl` (its bin shim, through PATH) as a user would. */
  /** Run the installed `opsctl`; `extraEnv` adds variables (a cache folder of the test's own). */
  run(args: readonly string[], cwd: string, extraEnv?: Record<string, string>): Promise<CliRun>;
}

export interface CliRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The npm-cli.js of the `npm` on this process's PATH; it runs under whichever Node runs it. */
function npmCli(): string {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const npm = join(dir, 'npm');
    if (dir !== '' && existsSync(npm)) return realpathSync(npm);
  }
  throw new Error('npm is not on PATH');
}

/**
 * The environment of a user's shell on this machine: this process's, whose proxy and CA settings
 * npm needs to reach the registry, less what pnpm and vitest add (npm_config_*, NODE_OPTIONS),
 * with PATH giving the install's bin folder, then `node`'s, then the system's (no workspace tools).
 */
export function userEnvironment(node: string, prefix: string): Record<string, string> {
  const kept = Object.entries(process.env).filter(
    (entry): entry is [string, string] =>
      entry[1] !== undefined &&
      !/^(npm_|PNPM_|VITEST|TURBO_)/i.test(entry[0]) &&
      !['NODE_OPTIONS', 'INIT_CWD', 'PATH', 'NODE_ENV'].includes(entry[0]),
  );
  const path = [join(prefix, 'bin'), dirname(node), '/usr/local/bin', '/usr/bin', '/bin'];
  return { ...Object.fromEntries(kept), PATH: path.join(':') };
}

/**
 * Installs `tarball` globally into `prefix` with npm running on `node`, from the npm registry
 * for its dependencies: what `npm install -g opsctl.tgz` does on a user's machine.
 */
export async function installGlobally(
  tarball: string,
  prefix: string,
  node: string,
  /** Added to the user's environment, e.g. a HOME of its own so plugins link nowhere else. */
  extraEnv: Readonly<Record<string, string>> = {},
): Promise<InstalledCli> {
  const env = { ...userEnvironment(node, prefix), ...extraEnv };
  await execa(
    node,
    [npmCli(), 'install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', tarball],
    // A registry that does not answer makes npm retry for many minutes: fail with its output.
    { env, extendEnv: false, timeout: 600_000 },
  );
  return {
    prefix,
    node,
    packageDir: join(prefix, 'lib', 'node_modules', '@opsctl', 'cli'),
    async run(args, cwd, extraEnv = {}) {
      const result = await execa(join(prefix, 'bin', 'opsctl'), args, {
        cwd,
        env: { ...env, ...extraEnv },
        extendEnv: false,
        reject: false,
      });
      return { exitCode: result.exitCode ?? -1, stdout: result.stdout, stderr: result.stderr };
    },
  };
}
