import { Flags } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import { environmentArg, serviceFlag } from '../flags/common-flags.js';
import { DEFAULT_TAIL, logs } from '../services/logs.js';

export default class Logs extends BaseCommand<typeof Logs> {
  static override summary = "Show the live release's logs on each droplet, secrets masked.";
  static override description = `The logs of the container in the serving slot on every droplet of the environment (or the one --droplet names), each line prefixed with its droplet. The service's secret values are read as deploy reads them (environment, then .env.<env>) and masked in every line. Without --since, the last ${DEFAULT_TAIL} lines per droplet (or --tail). --follow streams new lines until Ctrl-C or SIGTERM, then stops docker logs on the droplets.`;
  static override examples = [
    '<%= config.bin %> logs staging',
    '<%= config.bin %> logs staging --droplet web-1 --since 10m',
    '<%= config.bin %> logs production --follow',
    '<%= config.bin %> logs staging --since 2026-12-08T01:00:00Z --json',
  ];
  static override args = { env: environmentArg };
  static override flags = {
    service: serviceFlag('Service whose logs to show (needed when opsctl.yaml declares several).'),
    droplet: Flags.string({
      summary: 'Only this droplet (default: every droplet of the environment).',
      env: 'OPSCTL_DROPLET',
    }),
    since: Flags.string({
      summary: 'Only lines since then: a duration back from now (30s, 10m, 2h) or an ISO time.',
      helpValue: '<duration|time>',
    }),
    tail: Flags.integer({
      summary: `Last lines per droplet (default: ${DEFAULT_TAIL} without --since, all with it).`,
      min: 0,
    }),
    follow: Flags.boolean({
      char: 'f',
      summary: 'Keep streaming new lines until Ctrl-C or SIGTERM (not with --json).',
    }),
  };
  static override stopOnTerminate = true;

  async run() {
    return logs(this.context, {
      service: this.flags.service,
      droplet: this.flags.droplet,
      since: this.flags.since,
      tail: this.flags.tail,
      follow: this.flags.follow,
    });
  }
}
