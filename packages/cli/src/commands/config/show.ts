import { Args } from '@oclif/core';
import { BaseCommand } from '../../base-command.js';
import { configShow } from '../../services/config-show.js';

export default class ConfigShow extends BaseCommand<typeof ConfigShow> {
  static override summary =
    'Show the resolved configuration (defaults applied), secrets as names and targets only.';
  static override examples = [
    '<%= config.bin %> config show',
    '<%= config.bin %> config show staging --json',
  ];
  static override args = {
    env: Args.string({
      name: 'env',
      required: false,
      description: 'Show only this environment (default: every environment).',
    }),
  };

  async run() {
    return configShow(this.context, { environment: this.args.env });
  }
}
