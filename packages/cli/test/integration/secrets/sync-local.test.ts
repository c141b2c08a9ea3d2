import { describe, expect, it } from 'vitest';
import { readDotEnv } from '../../../src/deploy/runtime-env.js';
import { opsctl } from '../support/opsctl.js';
import { repoRoot } from '../support/paths.js';
import { DROPLET_CONTAINERS, onDroplet } from './support/droplets.js';

interface Row {
  secret: string;
  target: string;
  outcome?: string;
  status?: string;
}

const rowsOf = (run: Awaited<ReturnType<typeof opsctl>>): Row[] =>
  (run.json?.result as { rows: Row[] } | undefined)?.rows ?? [];

describe('opsctl secrets sync local, against the stand-ins `opsctl local up` started', () => {
  it('puts the declared secrets on the droplets, GitHub and Vercel, then finds them current', async () => {
    const first = await opsctl(['secrets', 'sync', 'local', '--json']);
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    expect(
      rowsOf(first)
        .map((r) => `${r.secret} ${r.target}`)
        .sort(),
    ).toEqual([
      'DATABASE_CA_CERT droplet-1:api',
      'DATABASE_CA_CERT droplet-2:api',
      'DATABASE_URL droplet-1:api',
      'DATABASE_URL droplet-2:api',
      'DATABASE_URL github:opsctl-local/opsctl (environment local)',
      'REDIS_CA_CERT droplet-1:api',
      'REDIS_CA_CERT droplet-2:api',
      'REDIS_URL droplet-1:api',
      'REDIS_URL droplet-2:api',
      'REDIS_URL vercel:opsctl-web (development)',
      'REDIS_URL vercel:opsctl-web (preview)',
    ]);
    expect(rowsOf(first).every((r) => r.outcome !== 'failed')).toBe(true);

    const second = await opsctl(['secrets', 'sync', 'local', '--json']);
    expect(rowsOf(second).every((r) => r.outcome === 'unchanged')).toBe(true);

    const check = await opsctl(['secrets', 'check', 'local', '--json']);
    expect(check.exitCode, check.stdout).toBe(0);
    expect(rowsOf(check).every((r) => r.status === 'ok')).toBe(true);

    const dry = await opsctl(['secrets', 'sync', 'local', '--dry-run']);
    expect(dry.exitCode).toBe(0);
    expect(dry.stdout).toContain('0 would be created, 0 updated, 11 unchanged.');
  });

  it('leaves each droplet an env file only root reads, holding the values exactly, and an audit line without them', async () => {
    for (const container of DROPLET_CONTAINERS) {
      await onDroplet(container, 'rm -f "$1" "$1.fingerprints"', '/etc/opsctl/env/api.env');
    }
    const sync = await opsctl(['secrets', 'sync', 'local']);
    expect(sync.exitCode, sync.stdout + sync.stderr).toBe(0);
    const expected = readDotEnv(repoRoot, 'local').get('DATABASE_URL');
    expect(expected).toBeDefined();
    for (const container of DROPLET_CONTAINERS) {
      expect(
        await onDroplet(
          container,
          'stat -c "%U:%G %a" /etc/opsctl/env "$1" "$1.fingerprints"',
          '/etc/opsctl/env/api.env',
        ),
      ).toBe('root:root 700\nroot:root 600\nroot:root 600\n');
      // The deploy user (the one opsctl logs in as) cannot read it, only use it through the helper.
      expect(
        await onDroplet(
          container,
          'su deploy -s /bin/sh -c "cat /etc/opsctl/env/api.env" 2>&1 || echo "exit $?"',
        ),
      ).toMatch(/Permission denied\nexit 1\n$/);
      const value = await onDroplet(
        container,
        'set -a; . "$1"; set +a; printf %s "$DATABASE_URL"',
        '/etc/opsctl/env/api.env',
      );
      expect(value).toBe(expected);
      const audit = await onDroplet(container, 'tail -n 1 /var/log/opsctl/secrets-audit.log');
      expect(audit).toMatch(
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ user=deploy file=api\.env changed secrets sync by \S+@\S+: created=(?:(?:DATABASE_URL|REDIS_URL|DATABASE_CA_CERT|REDIS_CA_CERT),?){4} updated=-\n$/,
      );
      expect(audit).not.toContain(expected);
    }
  });
});
