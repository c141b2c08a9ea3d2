import { Flags } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import { serviceFlag } from '../flags/common-flags.js';
import { build } from '../services/build.js';

export default class Build extends BaseCommand<typeof Build> {
  static override summary = 'Build service images tagged with the commit SHA.';
  static override examples = [
    '<%= config.bin %> build',
    '<%= config.bin %> build --service api --version v1.2.3',
  ];
  static override flags = {
    service: serviceFlag('Service to build (default: every service).'),
    version: Flags.string({
      summary: 'Also tag the image with this semantic version, e.g. v1.2.3.',
      env: 'OPSCTL_VERSION',
    }),
    'no-cache': Flags.boolean({
      summary: 'Build without the Docker layer cache.',
      env: 'OPSCTL_NO_CACHE',
    }),
  };

  async run() {
    return build(this.context, {
      service: this.flags.service,
      version: this.flags.version,
      noCache: this.flags['no-cache'],
    });
  }
}
