import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderEnvFile } from '../../../src/deploy/env-file.js';
import { LocalExecutor } from '../../../src/exec/local-executor.js';
import { DropletTarget } from '../../../src/secrets/droplets/droplet-target.js';
import { ENV_DIR } from '../../../src/deploy/commands/env-files.js';
import { fingerprint } from '../../../src/secrets/fingerprint.js';
import { parseRecords } from '../../../src/secrets/fingerprint-records.js';
import { Redactor } from '../../../src/secrets/redactor.js';
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

/** The droplet's env file helper itself, run directly against a temporary directory. */
const HELPER = fileURLToPath(
  new URL(
    '../../../../../infrastructure/ansible/roles/opsctl_layout/files/opsctl-env',
    import.meta.url,
  ),
);
const ENV_FILE = `${ENV_DIR}/api.env`;

let dir: string;
let remove: () => Promise<void>;
let envFile: string;
let fingerprintsFile: string;
let auditLog: string;
beforeEach(async () => {
  ({ path: dir, remove } = await makeTempDir('opsctl-droplet-'));
  envFile = join(dir, 'api.env');
  fingerprintsFile = join(dir, 'api.env.fingerprints');
  auditLog = join(dir, 'log', 'secrets-audit.log');
});
afterEach(async () => {
  await remove();
});

function target(
  values: Record<string, string>,
  names = Object.keys(values),
  who: { actor: string; redact: (text: string) => string } = {
    actor: 'alice@laptop',
    redact: (text) => text,
  },
) {
  const secrets = new Map(Object.entries(values).map(([k, v]) => [k, new Secret(v)]));
  const fingerprints = new Map([...secrets].map(([k, v]) => [k, fingerprint(KEY, k, v)]));
  const t = new DropletTarget({
    droplet: 'droplet-1',
    exec: new LocalExecutor(),
    service: 'api',
    envFile: ENV_FILE,
    names,
    fileValues: new Map<string, string | Secret>([['LOG_LEVEL', 'info'], ...secrets]),
    fileFingerprints: fingerprints,
    ...who,
    envHelper: [
      'env',
      '-u',
      'SUDO_USER',
      `OPSCTL_ENV_DIR=${dir}`,
      `OPSCTL_ENV_AUDIT=${auditLog}`,
      'sh',
      HELPER,
    ],
  });
  return { t, secrets, fingerprints };
}

const sync = (t: ReturnType<typeof target>, now = '2026-02-01T00:00:00.000Z') =>
  syncTarget({ target: t.t, values: t.secrets, fingerprints: t.fingerprints, dryRun: false, now });

describe('syncing a service env file on a droplet', () => {
  it('writes values that survive the shell exactly, with mode 0600, and the fingerprints beside them', async () => {
    const rows = await sync(target(AWKWARD));
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
    expect((await stat(fingerprintsFile)).mode & 0o777).toBe(0o600);
    const records = parseRecords(await readFile(fingerprintsFile, 'utf8'));
    expect([...records.keys()].sort()).toEqual(Object.keys(AWKWARD).sort());
    expect(await readFile(fingerprintsFile, 'utf8')).not.toContain('pässwörd');
  });

  it('reads presence from the header alone, so a value that looks like a header changes nothing', async () => {
    await sync(target(AWKWARD));
    const again = await sync(target(AWKWARD));
    expect(again.every((r) => r.outcome === 'unchanged')).toBe(true);
    const state = await target(AWKWARD, ['FAKE']).t.inspect();
    expect(state.get('FAKE')?.present).toBe(false);
  });

  it('rewrites the whole file when one value changes, keeping the others’ rotation dates', async () => {
    await sync(target({ A_KEY: 'first-a', B_KEY: 'first-b' }), '2026-01-01T00:00:00.000Z');
    const rows = await sync(
      target({ A_KEY: 'second-a', B_KEY: 'first-b' }),
      '2026-02-01T00:00:00.000Z',
    );
    expect(rows.map((r) => r.outcome)).toEqual(['updated', 'unchanged']);
    const records = parseRecords(await readFile(fingerprintsFile, 'utf8'));
    expect(records.get('A_KEY')?.updatedAt).toBe('2026-02-01T00:00:00.000Z');
    expect(records.get('B_KEY')?.updatedAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('updates a file a deploy wrote, whose values were never fingerprinted', async () => {
    await writeFile(envFile, renderEnvFile(new Map([['A_KEY', new Secret('deployed')]])).reveal(), {
      mode: 0o600,
    });
    const rows = await sync(target({ A_KEY: 'deployed' }));
    expect(rows[0]?.outcome).toBe('updated');
  });

  it('leaves one audit line per write naming who synced and what, never a value', async () => {
    await sync(target({ A_KEY: 'audit-sentinel-a', B_KEY: 'audit-sentinel-b' }));
    await sync(target({ A_KEY: 'audit-sentinel-a2', B_KEY: 'audit-sentinel-b' }));
    await sync(target({ A_KEY: 'audit-sentinel-a2', B_KEY: 'audit-sentinel-b' }));
    const lines = (await readFile(auditLog, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ user=\S+ file=api\.env changed secrets sync by alice@laptop: created=A_KEY,B_KEY updated=-$/,
    );
    expect(lines[1]).toMatch(
      / file=api\.env changed secrets sync by alice@laptop: created=- updated=A_KEY$/,
    );
    expect(lines.join('\n')).not.toContain('audit-sentinel');
  });

  it('puts the audit note through the redactor: an actor quoting a secret is logged masked', async () => {
    const redactor = new Redactor();
    redactor.add('SENTINEL-audit-actor-77c1');
    await sync(
      target({ A_KEY: 'audit-value-a' }, ['A_KEY'], {
        actor: 'ci SENTINEL-audit-actor-77c1',
        redact: (text) => redactor.redact(text),
      }),
    );
    const log = await readFile(auditLog, 'utf8');
    expect(log).toContain('secrets sync by ci [redacted]: created=A_KEY');
    expect(log).not.toContain('SENTINEL');
  });

  it('refuses an env file outside /etc/opsctl/env before touching the droplet', () => {
    const t = new DropletTarget({
      droplet: 'droplet-1',
      exec: new LocalExecutor(),
      service: 'api',
      envFile: '/home/deploy/api.env',
      names: [],
      fileValues: new Map(),
      fileFingerprints: new Map(),
      actor: 'alice@laptop',
      redact: (text: string) => text,
    });
    return expect(t.inspect()).rejects.toThrow(
      'env file /home/deploy/api.env is not in /etc/opsctl/env',
    );
  });
});
