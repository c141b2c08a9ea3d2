import { BaseCommand } from '../base-command.js';
import {
  dryRunFlag,
  environmentArg,
  forceUnlockFlag,
  lockWaitFlag,
  serviceFlag,
  shaFlag,
} from '../flags/common-flags.js';
import { rollback } from '../services/rollback.js';

export default class Rollback extends BaseCommand<typeof Rollback> {
  static override summary = 'Return to the previous release, or to a chosen one.';
  static override examples = [
    '<%= config.bin %> rollback staging',
    '<%= config.bin %> rollback staging --sha 3f2a9c1',
  ];
  static override args = { env: environmentArg };
  static override flags = {
    service: serviceFlag(),
    sha: shaFlag('Commit SHA of the release to return to (default: the previous release).'),
    'dry-run': dryRunFlag(),
    'lock-wait': lockWaitFlag(),
    'force-unlock': forceUnlockFlag(),
  };

  async run() {
    return rollback(this.context, {
      service: this.flags.service,
      sha: this.flags.sha,
      lockWaitMs: this.flags['lock-wait'],
      forceUnlock: this.flags['force-unlock'],
    });
  }
}
