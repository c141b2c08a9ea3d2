import { Flags } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import {
  dryRunFlag,
  environmentArg,
  forceUnlockFlag,
  lockWaitFlag,
  serviceFlag,
  shaFlag,
} from '../flags/common-flags.js';
import { localEnvironmentFromPlugins } from '../plugins/local-environment.js';
import { deploy } from '../services/deploy.js';

export default class Deploy extends BaseCommand<typeof Deploy> {
  static override summary = 'Deploy a release blue-green with zero downtime.';
  static override description =
    'Starts the new release next to the old one on each droplet, waits until it is healthy, moves traffic, then stops the old one. A failure after the switch returns to the previous release unless --no-auto-rollback.';
  static override examples = [
    '<%= config.bin %> deploy staging --sha 3f2a9c1',
    '<%= config.bin %> deploy staging --dry-run',
  ];
  static override args = { env: environmentArg };
  static override flags = {
    service: serviceFlag(),
    sha: shaFlag('Commit SHA of the image to deploy (default: HEAD).'),
    'dry-run': dryRunFlag(),
    'lock-wait': lockWaitFlag(),
    'force-unlock': forceUnlockFlag(),
    'auto-rollback': Flags.boolean({
      summary: 'Return to the previous release if the deploy fails after the switch.',
      default: true,
      allowNo: true,
      env: 'OPSCTL_AUTO_ROLLBACK',
    }),
  };

  async run() {
    return deploy(this.context, {
      service: this.flags.service,
      sha: this.flags.sha,
      lockWaitMs: this.flags['lock-wait'],
      forceUnlock: this.flags['force-unlock'],
      autoRollback: this.flags['auto-rollback'],
      localEnvironment: localEnvironmentFromPlugins(this.config),
    });
  }
}
