import { execa } from 'execa';
import { cliBin } from '../../support/paths.js';

export interface CliRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The --json envelope. */
  readonly envelope: {
    status: number;
    result?: unknown;
    error?: { code: string; message: string; hint: string; details?: unknown };
  };
}

/** The built CLI in a project directory, as a user runs it (CI=true unless overridden). */
export async function runOpsctl(
  cwd: string,
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<CliRun> {
  const r = await execa('node', [cliBin, ...args, '--json'], {
    cwd,
    reject: false,
    env: { CI: 'true', ...env },
  });
  const stdout = r.stdout;
  let envelope: CliRun['envelope'];
  try {
    envelope = JSON.parse(stdout) as CliRun['envelope'];
  } catch {
    throw new Error(
      `opsctl ${args.join(' ')} printed no JSON envelope (exit ${String(r.exitCode)}):\n${stdout}\n${r.stderr}`,
    );
  }
  return { exitCode: r.exitCode ?? -1, stdout, stderr: r.stderr, envelope };
}

/** Like {@link runOpsctl} but fails the test, with opsctl's own words, unless it exited 0. */
export async function opsctlOk<T>(
  cwd: string,
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<T> {
  const run = await runOpsctl(cwd, args, env);
  if (run.exitCode !== 0)
    throw new Error(
      `opsctl ${args.join(' ')} exited ${run.exitCode}: ${JSON.stringify(run.envelope.error)}\n${run.stderr}`,
    );
  return run.envelope.result as T;
}
