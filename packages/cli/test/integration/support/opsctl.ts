import { execa, type ResultPromise } from 'execa';
import { cliBin, repoRoot } from './paths.js';

export interface OpsctlRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The parsed --json envelope, when the run asked for one. */
  readonly json:
    { status: number; result?: unknown; error?: { code: string; message: string } } | undefined;
}

/** Starts the built CLI as a user would (a child process in the checkout). */
export function startOpsctl(
  args: readonly string[],
  env: Record<string, string> = {},
): ResultPromise<{ reject: false; cwd: string; env: Record<string, string>; all: true }> {
  return execa('node', [cliBin, ...args], {
    reject: false,
    cwd: repoRoot,
    env: { CI: 'true', ...env },
    all: true,
  });
}

export async function opsctl(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<OpsctlRun> {
  const r = await startOpsctl(args, env);
  let json: OpsctlRun['json'];
  if (args.includes('--json')) {
    try {
      json = JSON.parse(r.stdout) as OpsctlRun['json'];
    } catch {
      json = undefined;
    }
  }
  return { exitCode: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr, json };
}
