import { Flags } from '@oclif/core';
import { BaseCommand } from '@opsctl/cli';
import { localInit } from '../../services/local-init.js';

export default class LocalInit extends BaseCommand<typeof LocalInit> {
  static override summary = 'Add the local environment to opsctl.yaml as environments.local.';
  static override description =
    'Writes the entry `opsctl deploy local` needs: droplets by the tag the API stand-in gives, the stand-in registry, the SSH port and key `opsctl local up` makes, the load balancer by id. The service must be named api: the local droplets serve that one service. Comments and order in opsctl.yaml are kept; an existing entry is replaced only with --force.';
  static override examples = [
    '<%= config.bin %> local init',
    '<%= config.bin %> local init --force',
  ];
  static override flags = {
    force: Flags.boolean({ summary: 'Replace an environments.local entry that exists.' }),
  };

  async run() {
    return localInit(this.context, { force: this.flags.force });
  }
}
