import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OpsctlError } from '../../../src/errors/opsctl-error.js';
import { Redactor } from '../../../src/secrets/redactor.js';
import { parseDotenv } from '../../../src/secrets/values/dotenv.js';
import { readSecrets } from '../../../src/secrets/values/read-secrets.js';
import { createValueSource } from '../../../src/secrets/values/value-source.js';
import { makeTempDir } from '../../support/temp-dir.js';

describe('the .env format', () => {
  it('reads plain, exported, quoted and commented assignments', () => {
    const { values, problems } = parseDotenv(
      [
        '# a comment',
        'PLAIN=value with spaces   # trailing comment',
        'export EXPORTED=yes',
        'SINGLE=\'keeps $HOME, \\n and "quotes" # too\'',
        'DOUBLE="tab\\there\\nnew line, \\"quoted\\", \\$HOME, back\\\\slash"',
        'EMPTY=',
        'EQUALS=a=b==c',
        'UNICODE=pässwörd-ключ-🔑',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(Object.fromEntries(values)).toEqual({
      PLAIN: 'value with spaces',
      EXPORTED: 'yes',
      SINGLE: 'keeps $HOME, \\n and "quotes" # too',
      DOUBLE: 'tab\there\nnew line, "quoted", $HOME, back\\slash',
      EMPTY: '',
      EQUALS: 'a=b==c',
      UNICODE: 'pässwörd-ключ-🔑',
    });
  });

  it('reads quoted values that span lines, such as private keys', () => {
    const text =
      'KEY=\'-----BEGIN TEST KEY-----\nabc\ndef\n-----END TEST KEY-----\n\'\nDOUBLE="one\ntwo"\nNEXT=1\n';
    expect(Object.fromEntries(parseDotenv(text).values)).toEqual({
      KEY: '-----BEGIN TEST KEY-----\nabc\ndef\n-----END TEST KEY-----\n',
      DOUBLE: 'one\ntwo',
      NEXT: '1',
    });
  });

  it('names the line of each malformed entry without repeating its value', () => {
    const { problems } = parseDotenv(
      "OK=1\nnot an assignment sentinel-aa11\nOPEN='sentinel-bb22\n",
    );
    expect(problems).toEqual([
      { line: 2, message: 'expected KEY=value' },
      { line: 3, message: "OPEN: the ' quote is never closed" },
    ]);
    expect(JSON.stringify(problems)).not.toContain('sentinel');
  });

  it('refuses text after a closing quote', () => {
    expect(parseDotenv('A="x" y').problems).toEqual([
      { line: 1, message: 'A: unexpected text after the closing quote' },
    ]);
  });
});

describe('where secret values come from', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => {
    ({ path: dir, remove } = await makeTempDir());
    await writeFile(
      join(dir, '.env.staging'),
      'FROM_FILE=file-value\nIN_BOTH=file-loses\nEVERYWHERE=file-loses\nBLANK_ENV=file-wins\n',
    );
  });
  afterEach(async () => {
    await remove();
  });

  it('prefers stdin, then the process environment, then .env.<env>', () => {
    const source = createValueSource({
      env: { IN_BOTH: 'env-wins', EVERYWHERE: 'env-loses', BLANK_ENV: '' },
      configDir: dir,
      environment: 'staging',
      stdin: 'EVERYWHERE=stdin-wins\n',
    });
    expect(source.get('FROM_FILE')).toEqual({ value: 'file-value', origin: 'file' });
    expect(source.get('IN_BOTH')).toEqual({ value: 'env-wins', origin: 'environment' });
    expect(source.get('EVERYWHERE')).toEqual({ value: 'stdin-wins', origin: 'stdin' });
    expect(source.get('BLANK_ENV')).toEqual({ value: 'file-wins', origin: 'file' });
    expect(source.get('NOWHERE')).toBeUndefined();
  });

  it('reports a malformed .env file by line, and does not guess', async () => {
    await writeFile(join(dir, '.env.broken'), 'A=1\nsentinel-cc33\n');
    expect(() => createValueSource({ env: {}, configDir: dir, environment: 'broken' })).toThrow(
      expect.objectContaining({
        code: 'SECRET_SOURCE_INVALID',
        message: `${join(dir, '.env.broken')} is not in the KEY=value format: line 2: expected KEY=value.`,
      }),
    );
  });

  it('hands out values as Secrets, masked from the moment they are read', () => {
    const announced: string[] = [];
    const redactor = new Redactor({ githubMaskSink: { write: (t: string) => announced.push(t) } });
    const source = createValueSource({ env: {}, configDir: dir, environment: 'staging' });
    const values = readSecrets(source, ['FROM_FILE'], redactor, 'staging');
    expect(String(values.get('FROM_FILE'))).toBe('[redacted]');
    expect(values.get('FROM_FILE')?.reveal()).toBe('file-value');
    expect(redactor.redact('x file-value y')).toBe('x [redacted] y');
    expect(announced).toEqual(['::add-mask::file-value\n']);
  });

  it('names every missing secret at once and where to put them', () => {
    const source = createValueSource({ env: {}, configDir: dir, environment: 'staging' });
    let error: unknown;
    try {
      readSecrets(source, ['FROM_FILE', 'MISSING_A', 'MISSING_B'], new Redactor(), 'staging');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(OpsctlError);
    expect(error).toMatchObject({
      code: 'SECRET_MISSING',
      kind: 'user',
      message: 'No value for secrets MISSING_A, MISSING_B of environment staging.',
      details: { missing: ['MISSING_A', 'MISSING_B'] },
    });
    expect((error as OpsctlError).hint).toContain(join(dir, '.env.staging'));
  });

  it('refuses a value too short to be masked', () => {
    const source = createValueSource({ env: { PIN: '123' }, configDir: dir, environment: 'x' });
    expect(() => readSecrets(source, ['PIN'], new Redactor(), 'x')).toThrow(
      expect.objectContaining({ code: 'SECRET_TOO_SHORT' }),
    );
  });
});
