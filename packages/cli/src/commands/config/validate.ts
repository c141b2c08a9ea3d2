import { BaseCommand } from '../../base-command.js';
import { configValidate } from '../../services/config-validate.js';

export default class ConfigValidate extends BaseCommand<typeof ConfigValidate> {
  static override summary = 'Check opsctl.yaml and list every problem with its path and line.';
  static override examples = [
    '<%= config.bin %> config validate',
    '<%= config.bin %> config validate --config deploy/opsctl.yaml --json',
  ];

  async run() {
    return configValidate(this.context);
  }
}
