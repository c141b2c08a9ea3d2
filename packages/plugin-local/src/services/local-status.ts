import { localStatus as readLocalStatus, type LocalStatus } from '@opsctl/testbed';
import type { CommandContext } from '@opsctl/cli';
import { renderLocalStatus } from '../local-env/render-local-status.js';
import { localStateDir } from '../local-env/state-dir.js';

export type LocalStatusOptions = Record<string, never>;

export type LocalStatusResult = LocalStatus;

/** Show what of the local environment is running, read from Docker and the load balancer. */
export async function localStatus(
  context: CommandContext,
  _options: LocalStatusOptions,
): Promise<LocalStatusResult> {
  const { stateDir } = await localStateDir(context);
  const status = await readLocalStatus(stateDir);
  renderLocalStatus(context, status);
  return status;
}
