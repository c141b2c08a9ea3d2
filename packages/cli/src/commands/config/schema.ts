import { Flags } from '@oclif/core';
import { BaseCommand } from '../../base-command.js';
import { configSchema, DEFAULT_SCHEMA_OUTPUT } from '../../services/config-schema.js';

export default class ConfigSchema extends BaseCommand<typeof ConfigSchema> {
  static override summary = 'Write the JSON Schema of opsctl.yaml, for editor validation.';
  static override examples = [
    '<%= config.bin %> config schema',
    '<%= config.bin %> config schema --output - > opsctl.schema.json',
  ];
  static override flags = {
    output: Flags.string({
      char: 'o',
      summary: 'File to write ("-" for stdout).',
      default: DEFAULT_SCHEMA_OUTPUT,
    }),
  };

  async run() {
    return configSchema(this.context, { output: this.flags.output });
  }
}
