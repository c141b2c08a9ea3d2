import { BaseCommand } from '../../base-command.js';
import { environmentArg } from '../../flags/common-flags.js';
import { lockStatus } from '../../services/lock-status.js';

export default class LockStatus extends BaseCommand<typeof LockStatus> {
  static override summary = 'Show who holds the environment lock on each droplet.';
  static override description =
    'Per droplet: free or held, the holder (user, host, pid, what it runs, SHA, since, last renewal, CI run) and whether it is stale (not renewed within deploy.lockTtl). Reads only; exits 0 whatever the state.';
  static override examples = [
    '<%= config.bin %> lock status staging',
    '<%= config.bin %> lock status production --json',
  ];
  static override args = { env: environmentArg };

  async run() {
    return lockStatus(this.context);
  }
}
