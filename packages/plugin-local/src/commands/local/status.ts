import { BaseCommand } from '@opsctl/cli';
import { localStatus } from '../../services/local-status.js';

export default class LocalStatus extends BaseCommand<typeof LocalStatus> {
  static override summary = 'Show which parts of the local environment are running.';
  static override examples = ['<%= config.bin %> local status'];

  async run() {
    return localStatus(this.context, {});
  }
}
