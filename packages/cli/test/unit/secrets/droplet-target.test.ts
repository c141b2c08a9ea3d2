import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderEnvFile } from '../../../src/deploy/env-file.js';
import { LocalExecutor } from '../../../src/exec/local-executor.js';
import { DropletTarget } from '../../../src/secrets/droplets/droplet-target.js';
import { fingerprintsPath } from '../../../src/secrets/droplets/env-store.js';
import { fingerprint } from '../../../src/secrets/fingerprint.js';
import { parseRecords } from '../../../src/secrets/fingerprint-records.js';
import { Secret } from '../../../src/secrets/secret.js';
import { syncTarget } from '../../../src/secrets/sync/sync-target.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { FINGERPRINT_KEY } from './support/apis.js';

const KEY = new Secret(FINGERPRINT_KEY);
const AWKWARD: Record<string, string> = {
  NEWLINES: 'line one\nline two\n',
  QUOTES: `it's "quoted" and 'single'`,
  DOLLARS: '$HOME ${PATH} $(id) `id`',
  EQUALS: 'a=b==c=',
  UNICODE: 'pässwörd-ключ-密码-🔑',
  HEADERISH: 'x\n# opsctl-names: FAKE\nY=1',
};

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ path: dir, remove } = await makeTempDir('opsctl-droplet-'));
});
afterEach(async () => {
  await remove();
});

function target(envFile: string, values: Record<string, string>, names = Object.keys(values)) {
  const secrets = new Map(Object.entries(values).map(([k, v]) => [k, new Secret(v)]));
  const fingerprints = new Map([...secrets].map(([k, v]) => [k, fingerprint(KEY, k, v)]));
  const t = new DropletTarget({
    droplet: 'droplet-1',
    exec: new LocalExecutor(),
    service: 'api',
    envFile,
    names,
    fileValues: new Map<string, string | Secret>([['LOG_LEVEL', 'info'], ...secrets]),
    fileFingerprints: fingerprints,
  });
  return { t, secrets, fingerprints };
}

const sync = (t: ReturnType<typeof target>, now = '2026-02-01T00:00:00.000Z') =>
  syncTarget({ target: t.t, values: t.secrets, fingerprints: t.fingerprints, dryRun: false, now });

describe('syncing a service env file on a droplet', () => {
  it('writes values that survive the shell exactly, with mode 0600, and the fingerprints beside them', async () => {
    const envFile = join(dir, 'api.env');
    const rows = await sync(target(envFile, AWKWARD));
    expect(rows.map((r) => `${r.target} ${r.secret} ${r.outcome}`)).toEqual(
      Object.keys(AWKWARD).map((name) => `droplet-1:api ${name} created`),
    );
    for (const [name, value] of Object.entries({ ...AWKWARD, LOG_LEVEL: 'info' })) {
      const { stdout } = await execa(
        'sh',
        ['-c', `set -a && . "$1" && set +a && printf '%s' "$${name}"`, 'sh', envFile],
        { stripFinalNewline: false },
      );
      expect(stdout).toBe(value);
    }
    expect((await stat(envFile)).mode & 0o777).toBe(0o600);
    expect((await stat(fingerprintsPath(envFile))).mode & 0o777).toBe(0o600);
    const records = parseRecords(await readFile(fingerprintsPath(envFile), 'utf8'));
    expect([...records.keys()].sort()).toEqual(Object.keys(AWKWARD).sort());
    expect(await readFile(fingerprintsPath(envFile), 'utf8')).not.toContain('pässwörd');
  });

  it('reads presence from the header alone, so a value that looks like a header changes nothing', async () => {
    const envFile = join(dir, 'api.env');
    await sync(target(envFile, AWKWARD));
    const again = await sync(target(envFile, AWKWARD));
    expect(again.every((r) => r.outcome === 'unchanged')).toBe(true);
    const state = await target(envFile, AWKWARD, ['FAKE']).t.inspect();
    expect(state.get('FAKE')?.present).toBe(false);
  });

  it('rewrites the whole file when one value changes, keeping the others’ rotation dates', async () => {
    const envFile = join(dir, 'api.env');
    await sync(target(envFile, { A_KEY: 'first-a', B_KEY: 'first-b' }), '2026-01-01T00:00:00.000Z');
    const rows = await sync(
      target(envFile, { A_KEY: 'second-a', B_KEY: 'first-b' }),
      '2026-02-01T00:00:00.000Z',
    );
    expect(rows.map((r) => r.outcome)).toEqual(['updated', 'unchanged']);
    const records = parseRecords(await readFile(fingerprintsPath(envFile), 'utf8'));
    expect(records.get('A_KEY')?.updatedAt).toBe('2026-02-01T00:00:00.000Z');
    expect(records.get('B_KEY')?.updatedAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('updates a file a deploy wrote, whose values were never fingerprinted', async () => {
    const envFile = join(dir, 'api.env');
    await writeFile(envFile, renderEnvFile(new Map([['A_KEY', new Secret('deployed')]])).reveal(), {
      mode: 0o600,
    });
    const rows = await sync(target(envFile, { A_KEY: 'deployed' }));
    expect(rows[0]?.outcome).toBe('updated');
  });
});
