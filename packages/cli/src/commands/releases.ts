import { Flags } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import { environmentArg, serviceFlag } from '../flags/common-flags.js';
import { releases } from '../services/releases.js';

export default class Releases extends BaseCommand<typeof Releases> {
  static override summary = 'Show the release history of an environment, newest first.';
  static override examples = ['<%= config.bin %> releases staging --limit 5'];
  static override args = { env: environmentArg };
  static override flags = {
    service: serviceFlag(),
    limit: Flags.integer({ summary: 'Show at most this many releases.', default: 10, min: 1 }),
  };

  async run() {
    return releases(this.context, { service: this.flags.service, limit: this.flags.limit });
  }
}
