import { Flags } from '@oclif/core';
import { BaseCommand } from '../../base-command.js';
import {
  dryRunFlag,
  environmentArg,
  forceUnlockFlag,
  lockWaitFlag,
  secretNamesFlag,
  secretTargetsFlag,
} from '../../flags/common-flags.js';
import { readStdinText } from '../../secrets/values/stdin.js';
import { secretsSync } from '../../services/secrets-sync.js';

export default class SecretsSync extends BaseCommand<typeof SecretsSync> {
  static override summary = 'Sync declared secrets to GitHub, the droplets and Vercel.';
  static override description =
    'Each secret goes where opsctl.yaml declares it. What changed is decided by fingerprint (a keyed hash, OPSCTL_FINGERPRINT_KEY), never by reading a value back, and no value is ever printed. Values come from the environment, .env.<env> or --stdin, never from arguments.';
  static override examples = [
    '<%= config.bin %> secrets sync staging',
    '<%= config.bin %> secrets sync staging --dry-run',
    '<%= config.bin %> secrets sync staging --only DATABASE_URL,REDIS_URL --restart',
    'pass show shop/production.env | <%= config.bin %> secrets sync production --stdin',
  ];
  static override args = { env: environmentArg };
  static override flags = {
    'dry-run': dryRunFlag(),
    only: secretNamesFlag('Sync only these secrets (comma-separated names).'),
    target: secretTargetsFlag('Sync only to these kinds of target (comma-separated).'),
    'lock-wait': lockWaitFlag(),
    'force-unlock': forceUnlockFlag(),
    restart: Flags.boolean({
      summary:
        'Redeploy changed services at the release they serve, so they read the new values now.',
    }),
    stdin: Flags.boolean({
      summary:
        'Also read KEY=value lines (the .env format) from standard input; they win over the environment and .env.<env>.',
    }),
  };

  async run() {
    return secretsSync(this.context, {
      only: this.flags.only,
      targets: this.flags.target,
      restart: this.flags.restart,
      stdin: this.flags.stdin ? await readStdinText(process.stdin) : undefined,
      lockWaitMs: this.flags['lock-wait'],
      forceUnlock: this.flags['force-unlock'],
    });
  }
}
