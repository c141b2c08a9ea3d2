import { command } from '../exec/remote-command.js';
import type { Executor } from '../exec/executor.js';

/** The top folder of the git repository `dir` is in, or undefined outside any repository. */
export async function repositoryRoot(local: Executor, dir: string): Promise<string | undefined> {
  const result = await local.run(
    command(['git', '-C', dir, 'rev-parse', '--show-toplevel'], {
      description: 'find the git repository',
      readOnly: true,
    }),
    { allowFailure: true },
  );
  const root = result.stdout.trim();
  return result.exitCode === 0 && root !== '' ? root : undefined;
}
