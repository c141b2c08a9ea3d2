import { resolve } from 'node:path';
import { Flags } from '@oclif/core';
import { BaseCommand } from '@opsctl/cli';
import { localUp } from '../../services/local-up.js';

export default class LocalUp extends BaseCommand<typeof LocalUp> {
  static override summary = 'Start the local environment: droplets, registry, load balancer.';
  static override examples = [
    '<%= config.bin %> local up',
    '<%= config.bin %> local up --droplets 3',
  ];
  static override flags = {
    droplets: Flags.integer({
      summary: 'How many droplets to start.',
      default: 2,
      min: 1,
      max: 9,
      env: 'OPSCTL_LOCAL_DROPLETS',
    }),
    contract: Flags.file({
      exists: true,
      summary: 'Check DigitalOcean API traffic against this API description (the test suites do).',
      description:
        'Puts Prism in front of the DigitalOcean API stand-in with this OpenAPI file, so every request opsctl sends and every answer it gets is checked against it. Not needed to use the local environment.',
      env: 'OPSCTL_LOCAL_CONTRACT',
    }),
  };

  async run() {
    return localUp(this.context, {
      droplets: this.flags.droplets,
      ...(this.flags.contract === undefined ? {} : { contract: resolve(this.flags.contract) }),
    });
  }
}
