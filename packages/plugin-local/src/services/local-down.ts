import { localDown as stopLocal } from '@opsctl/testbed';
import type { CommandContext } from '@opsctl/cli';
import { localStateDir } from '../local-env/state-dir.js';

export type LocalDownOptions = Record<string, never>;

export interface LocalDownResult {
  readonly stopped: true;
}

/** Stop the local environment and remove what it created: processes, containers, networks, volumes. */
export async function localDown(
  context: CommandContext,
  _options: LocalDownOptions,
): Promise<LocalDownResult> {
  const { stateDir } = await localStateDir(context);
  await stopLocal({
    stateDir,
    log: (line) => {
      context.logger.info(line);
    },
  });
  context.output.line('The local environment is down; nothing of it is left running.');
  return { stopped: true };
}
