import { BaseCommand } from '../base-command.js';
import { environmentArg } from '../flags/common-flags.js';
import { status } from '../services/status.js';

export default class Status extends BaseCommand<typeof Status> {
  static override summary = 'Show what runs where: release, slot and health per droplet.';
  static override examples = [
    '<%= config.bin %> status staging',
    '<%= config.bin %> status --json',
  ];
  static override args = { env: environmentArg };

  async run() {
    return status(this.context, {});
  }
}
