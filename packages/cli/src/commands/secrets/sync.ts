import { Flags } from '@oclif/core';
import { BaseCommand } from '../../base-command.js';
import { dryRunFlag, environmentArg } from '../../flags/common-flags.js';
import { secretsSync } from '../../services/secrets-sync.js';

export default class SecretsSync extends BaseCommand<typeof SecretsSync> {
  static override summary = 'Sync declared secrets to GitHub, the droplets and Vercel.';
  static override examples = [
    '<%= config.bin %> secrets sync staging',
    '<%= config.bin %> secrets sync staging --only DATABASE_URL,REDIS_URL --restart',
  ];
  static override args = { env: environmentArg };
  static override flags = {
    'dry-run': dryRunFlag(),
    only: Flags.string({
      summary: 'Sync only these secrets (comma-separated names).',
      multiple: true,
      delimiter: ',',
    }),
    restart: Flags.boolean({ summary: 'Restart services on the droplets to load new values.' }),
  };

  async run() {
    return secretsSync(this.context, { only: this.flags.only, restart: this.flags.restart });
  }
}
