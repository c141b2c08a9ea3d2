import { Flags } from '@oclif/core';
import { BaseCommand } from '../../base-command.js';
import {
  dryRunFlag,
  environmentArg,
  forceUnlockFlag,
  lockWaitFlag,
  serviceFlag,
} from '../../flags/common-flags.js';
import { imagesPrune } from '../../services/images-prune.js';

export default class ImagesPrune extends BaseCommand<typeof ImagesPrune> {
  static override summary = 'Remove old images, keeping the most recent ones per service.';
  static override description =
    'Never removes the running release or the one a rollback would return to.';
  static override examples = [
    '<%= config.bin %> images prune staging --keep 5',
    '<%= config.bin %> images prune staging --dry-run',
  ];
  static override args = { env: environmentArg };
  static override flags = {
    keep: Flags.integer({
      summary: 'Images to keep per service (default: deploy.prune.keep in opsctl.yaml).',
      min: 1,
      env: 'OPSCTL_PRUNE_KEEP',
    }),
    service: serviceFlag(),
    'dry-run': dryRunFlag(),
    wait: Flags.boolean({ summary: 'Wait until the registry has reclaimed the space.' }),
    'lock-wait': lockWaitFlag(),
    'force-unlock': forceUnlockFlag(),
  };

  async run() {
    return imagesPrune(this.context, {
      keep: this.flags.keep,
      service: this.flags.service,
      wait: this.flags.wait,
      lockWaitMs: this.flags['lock-wait'],
      forceUnlock: this.flags['force-unlock'],
    });
  }
}
