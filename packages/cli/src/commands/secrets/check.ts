import { BaseCommand } from '../../base-command.js';
import { environmentArg } from '../../flags/common-flags.js';
import { secretsCheck } from '../../services/secrets-check.js';

export default class SecretsCheck extends BaseCommand<typeof SecretsCheck> {
  static override summary = 'Check that every declared secret is set where it is declared.';
  static override examples = ['<%= config.bin %> secrets check staging'];
  static override args = { env: environmentArg };

  async run() {
    return secretsCheck(this.context, {});
  }
}
