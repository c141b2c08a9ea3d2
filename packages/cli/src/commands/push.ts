import { BaseCommand } from '../base-command.js';
import { serviceFlag } from '../flags/common-flags.js';
import { push } from '../services/push.js';

export default class Push extends BaseCommand<typeof Push> {
  static override summary = 'Push built images to the registry.';
  static override description =
    'Pushes every tag of the image built from HEAD to the registry of OPSCTL_ENV or defaultEnvironment (else the top-level one). ' +
    'A commit tag already in the registry with a different image is never moved.';
  static override examples = [
    '<%= config.bin %> push',
    'OPSCTL_ENV=staging <%= config.bin %> push --service api',
  ];
  static override flags = { service: serviceFlag('Service to push (default: every service).') };

  async run() {
    return push(this.context, { service: this.flags.service });
  }
}
