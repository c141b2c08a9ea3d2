import { join } from 'node:path';
import { repoRoot } from '../../support/paths.js';
import { run } from '../../support/run.js';

export interface OpsctlRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The --json envelope, when the run asked for one and printed it. */
  json: { status: number; result?: unknown; error?: { code: string; message: string } } | undefined;
}

/** Runs the built CLI from the checkout as a user would (`pnpm --filter @opsctl/cli build` first). */
export async function opsctl(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<OpsctlRun> {
  const result = await run(process.execPath, [join(repoRoot, 'packages/cli/bin/run.js'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, CI: 'true', ...env },
  });
  let json: OpsctlRun['json'];
  if (args.includes('--json')) {
    try {
      json = JSON.parse(result.stdout) as OpsctlRun['json'];
    } catch {
      json = undefined;
    }
  }
  return { ...result, json };
}
