import { Flags } from '@oclif/core';
import { BaseCommand } from '../../base-command.js';
import { dryRunFlag, environmentArg } from '../../flags/common-flags.js';
import { lockRelease } from '../../services/lock-release.js';

export default class LockRelease extends BaseCommand<typeof LockRelease> {
  static override summary = 'Give back an abandoned environment lock on every droplet.';
  static override description =
    'Releases a holder not renewed within deploy.lockTtl; a live holder is refused (exit 5) unless --force. Either way a holder is released only if its record is unchanged since it was read, so a run that renews meanwhile keeps its lock.';
  static override examples = [
    '<%= config.bin %> lock release staging',
    '<%= config.bin %> lock release staging --force --dry-run',
  ];
  static override args = { env: environmentArg };
  static override flags = {
    force: Flags.boolean({
      summary: 'Release a live holder too (only if it is unchanged since it was read).',
    }),
    'dry-run': dryRunFlag(),
  };

  async run() {
    return lockRelease(this.context, { force: this.flags.force });
  }
}
