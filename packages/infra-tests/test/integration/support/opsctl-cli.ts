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

/**
 * Runs the checkout's built CLI as a user would: the core with @opsctl/plugin-local, which
 * `local up` needs (`pnpm exec turbo run build --filter=@opsctl/plugin-local...` first).
 */
export async function opsctl(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<OpsctlRun> {
  const result = await run(
    process.execPath,
    [join(repoRoot, 'packages/plugin-local/bin/opsctl.js'), ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, CI: 'true', ...env },
    },
  );
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
