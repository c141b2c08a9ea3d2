import { BaseCommand } from '@opsctl/cli';
import { localDown } from '../../services/local-down.js';

export default class LocalDown extends BaseCommand<typeof LocalDown> {
  static override summary = 'Stop the local environment and remove what it created.';
  static override examples = ['<%= config.bin %> local down'];

  async run() {
    return localDown(this.context, {});
  }
}
