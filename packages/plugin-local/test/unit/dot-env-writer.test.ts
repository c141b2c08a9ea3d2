import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDotenv } from '@opsctl/cli';
import { afterEach, describe, expect, it } from 'vitest';
import { writeDotEnv } from '../../src/local-env/dot-env-writer.js';

// The plugin writes .env.local and the core reads it: each value is read back with the core's
// reader, so the two cannot drift apart.
const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((path) => rm(path, { recursive: true, force: true })));
});
async function tempDir(): Promise<string> {
  const path = await mkdtemp(join(tmpdir(), 'opsctl-dot-env-'));
  made.push(path);
  return path;
}

const PEM = [
  '-----BEGIN CERTIFICATE-----',
  'MIIDETCCAfmgAwIBAgIUQ2hlY2sgdGhlIGxpbmVzIHN1cnZpdmU=',
  'dGhlIHJvdW5kIHRyaXA=',
  '-----END CERTIFICATE-----',
  '',
].join('\n');

const VALUES = {
  DATABASE_CA_CERT: PEM,
  DATABASE_URL: 'postgresql://10.0.0.5:25060/opsctl?sslmode=require&application_name=a%2Fb',
  QUOTES: `it's "quoted" \\n not a newline`,
  SPACES: '  padded # not a comment  ',
  CRLF: 'one\r\ntwo',
  DOLLAR: '$HOME and ${PATH}',
};

describe('.env.local as `opsctl local up` writes it', () => {
  it('reads back every value exactly, a multi-line PEM included, one line per value', async () => {
    const dir = await tempDir();
    const file = await writeDotEnv(dir, 'local', VALUES);
    const text = await readFile(file, 'utf8');
    const parsed = parseDotenv(text);
    expect(parsed.problems).toEqual([]);
    expect(Object.fromEntries(parsed.values)).toEqual(VALUES);
    // The header and one line per value: nothing spans lines, so rewriting can filter by line.
    expect(text.trimEnd().split('\n')).toHaveLength(1 + Object.keys(VALUES).length);
    expect(text).toContain(`DATABASE_URL=${VALUES.DATABASE_URL}\n`);
  });

  it("replaces its own values on the next run and keeps the developer's", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, '.env.local'), "MINE='kept as it is'\n");
    await writeDotEnv(dir, 'local', VALUES);
    const next = { ...VALUES, DATABASE_CA_CERT: PEM.replace('dGhl', 'bmV3') };
    const file = await writeDotEnv(dir, 'local', next);
    const parsed = parseDotenv(await readFile(file, 'utf8'));
    expect(parsed.problems).toEqual([]);
    expect(Object.fromEntries(parsed.values)).toEqual({ MINE: 'kept as it is', ...next });
  });
});
