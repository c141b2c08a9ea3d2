import { execFile } from 'node:child_process';

export interface ComposeResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `docker-compose <args>` in `cwd` with extra environment; never throws on exit codes. */
export function compose(
  cwd: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<ComposeResult> {
  return new Promise((resolve, reject) => {
    execFile(
      'docker-compose',
      args,
      { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(`cannot run docker-compose: ${error.message}`, { cause: error }));
          return;
        }
        resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
      },
    );
  });
}

/** Like `compose`, but throws with the output when the command fails. */
export async function composeOk(
  cwd: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<string> {
  const result = await compose(cwd, args, env);
  if (result.code !== 0) {
    throw new Error(
      `docker-compose ${args.join(' ')} exited ${result.code}:\n${(result.stdout + result.stderr).slice(-4000)}`,
    );
  }
  return result.stdout;
}
