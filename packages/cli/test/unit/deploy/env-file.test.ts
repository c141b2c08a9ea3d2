import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { useTempDirs } from '../../support/temp-dir.js';
import { describe, expect, it } from 'vitest';
import { renderEnvFile } from '../../../src/deploy/env-file.js';
import { Secret } from '../../../src/secrets/secret.js';

const tempDir = useTempDirs('opsctl-env-');

const awkward = {
  NEWLINES: 'line one\nline two\n',
  QUOTES: `it's "quoted" and 'single'`,
  DOLLARS: '$HOME ${PATH} $(id) `id`',
  EQUALS: 'a=b==c=',
  UNICODE: 'pässwörd-ключ-密码-🔑',
  BACKSLASH: 'C:\\path\\n\\t',
};

describe('the env file of a service', () => {
  it('hands every awkward value to a process exactly as it was declared', async () => {
    const dir = await tempDir();
    const file = join(dir, 'api.env');
    const values = new Map<string, string | Secret>(
      Object.entries(awkward).map(([k, v]) => [k, new Secret(v)]),
    );
    await writeFile(file, renderEnvFile(values).reveal());
    for (const [name, value] of Object.entries(awkward)) {
      const { stdout } = await execa(
        'sh',
        ['-c', `set -a && . "$1" && set +a && printf '%s' "$${name}"`, 'sh', file],
        { stripFinalNewline: false },
      );
      expect(stdout).toBe(value);
    }
  });

  it('cannot print the values it holds', () => {
    const rendered = renderEnvFile(new Map([['TOKEN', new Secret('sentinel-7f3a')]]));
    expect(String(rendered)).not.toContain('sentinel-7f3a');
    expect(JSON.stringify({ rendered })).not.toContain('sentinel-7f3a');
  });

  it('refuses a variable name the shell could not assign', () => {
    expect(() => renderEnvFile(new Map([['BAD-NAME', 'x']]))).toThrow(
      /invalid environment variable name "BAD-NAME"/,
    );
  });
});
