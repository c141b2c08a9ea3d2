import { Flags } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import { terminalPrompt } from '../init/terminal-prompt.js';
import { init } from '../services/init.js';

export default class Init extends BaseCommand<typeof Init> {
  static override summary =
    'Adopt opsctl in this repository: write opsctl.yaml, a GitHub workflow, .env.example and .gitignore entries.';
  static override description =
    'Run in the folder of the service’s Dockerfile, inside a git repository. In a terminal it asks for the service name, port and secrets; otherwise it takes the flags and defaults. It never replaces a file without --force, and writes nothing when one would be.';
  static override examples = [
    '<%= config.bin %> init',
    '<%= config.bin %> init --yes --service shop --port 8080 --secret DATABASE_URL --secret REDIS_URL',
    '<%= config.bin %> init --yes --dry-run',
  ];
  static override flags = {
    service: Flags.string({
      summary: 'Service name (default: the repository folder’s name).',
      env: 'OPSCTL_INIT_SERVICE',
    }),
    port: Flags.integer({
      summary: 'Port the container listens on (default: the Dockerfile’s EXPOSE, else 3000).',
      min: 1,
      max: 65_535,
      env: 'OPSCTL_INIT_PORT',
    }),
    secret: Flags.string({
      summary: 'A secret the service reads at run time, by name (repeat for more).',
      multiple: true,
      default: [],
    }),
    yes: Flags.boolean({
      char: 'y',
      summary: 'Ask nothing: take the flags and defaults even in a terminal.',
      env: 'OPSCTL_INIT_YES',
    }),
    force: Flags.boolean({
      summary: 'Replace files that exist (.env.example and .gitignore are only appended to).',
    }),
    'dry-run': Flags.boolean({
      summary: 'Print the files that would be written and write nothing.',
    }),
  };

  async run() {
    const interactive =
      !this.flags.yes && !this.jsonEnabled() && process.stdin.isTTY && process.stderr.isTTY;
    const prompt = interactive ? terminalPrompt(process.stdin, process.stderr) : undefined;
    try {
      return await init(this.context, {
        service: this.flags.service,
        port: this.flags.port,
        secrets: this.flags.secret,
        force: this.flags.force,
        dryRun: this.flags['dry-run'],
        opsctlVersion: this.config.version,
        ask: prompt?.ask,
      });
    } finally {
      prompt?.close();
    }
  }
}
