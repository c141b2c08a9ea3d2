import { Flags } from '@oclif/core';
import { BaseCommand } from '../../base-command.js';
import { environmentArg, secretNamesFlag, secretTargetsFlag } from '../../flags/common-flags.js';
import { readStdinText } from '../../secrets/values/stdin.js';
import { secretsCheck } from '../../services/secrets-check.js';

export default class SecretsCheck extends BaseCommand<typeof SecretsCheck> {
  static override summary =
    'Check that every declared secret is present, current and within its rotation period.';
  static override description =
    'Exits non-zero, naming them, when a secret is missing at a target, differs from its source (by fingerprint), or is older than its rotateEvery. Nothing secret is read from any target.';
  static override examples = [
    '<%= config.bin %> secrets check staging',
    '<%= config.bin %> secrets check production --json',
  ];
  static override args = { env: environmentArg };
  static override flags = {
    only: secretNamesFlag('Check only these secrets (comma-separated names).'),
    target: secretTargetsFlag('Check only these kinds of target (comma-separated).'),
    stdin: Flags.boolean({
      summary: 'Also read KEY=value lines (the .env format) from standard input.',
    }),
  };

  async run() {
    return secretsCheck(this.context, {
      only: this.flags.only,
      targets: this.flags.target,
      stdin: this.flags.stdin ? await readStdinText(process.stdin) : undefined,
    });
  }
}
