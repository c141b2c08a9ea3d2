import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

export const PACKAGE_DIR = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../../bin/run.js', import.meta.url));

export interface CliRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the built opsctl binary as a user would, with a controlled environment. */
export async function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliRun> {
  const result = await execa(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? PACKAGE_DIR,
    reject: false,
    // A clean environment: no CI, GitHub or OPSCTL_* variables leak in from the caller.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...options.env },
    extendEnv: false,
  });
  return { exitCode: result.exitCode ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Compile the package and write the oclif manifest, so the binary runs the current source. */
export async function buildCli(): Promise<void> {
  await execa('pnpm', ['run', 'build'], { cwd: PACKAGE_DIR });
}
