import { BaseCommand } from '../../base-command.js';
import { environmentArg, serviceFlag } from '../../flags/common-flags.js';
import { imagesList } from '../../services/images-list.js';

export default class ImagesList extends BaseCommand<typeof ImagesList> {
  static override summary = 'List images in the registry and on the droplets.';
  static override examples = ['<%= config.bin %> images list staging'];
  static override args = { env: environmentArg };
  static override flags = { service: serviceFlag() };

  async run() {
    return imagesList(this.context, { service: this.flags.service });
  }
}
