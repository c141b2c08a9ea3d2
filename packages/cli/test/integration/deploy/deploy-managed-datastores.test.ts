import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDotEnv } from '../../../src/deploy/runtime-env.js';
import { buildApiRelease, fakeSha } from '../support/api-images.js';
import { LB_URL, versionOf, waitForAllUp } from '../support/load-balancer.js';
import { opsctl } from '../support/opsctl.js';
import { repoRoot } from '../support/paths.js';

const good = fakeSha();
const next = fakeSha();
const short = (sha: string): string => sha.slice(0, 12);

/** SQL as the database's owner in the local PostgreSQL container (its socket). */
async function asOwner(sql: string): Promise<string> {
  const r = await execa('docker', [
    'exec',
    'opsctl-local-postgres',
    'psql',
    '-X',
    '-At',
    '-U',
    'doadmin',
    '-d',
    'opsctl',
    '-c',
    sql,
  ]);
  return r.stdout.trim();
}

/** What the load balancer serves at `path`. */
async function get(path: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`${LB_URL}${path}`, { signal: AbortSignal.timeout(10_000) });
  return { status: res.status, body: await res.text() };
}

/**
 * The API deployed by `opsctl deploy local` to the local datastores, which are set up as
 * DigitalOcean's managed ones (TLS only with private CAs, a non-owner app user): the CAs reach the
 * droplets as .env.local's DATABASE_CA_CERT and REDIS_CA_CERT, the way a cloud environment's come
 * from Terraform's outputs.
 */
describe('deploy local against TLS-only datastores with private CAs', () => {
  beforeAll(async () => {
    await buildApiRelease(good);
    await buildApiRelease(next);
  });

  it('deploys: the migrations run as the app user and /health (database and cache) answers 200', async () => {
    const run = await opsctl(['deploy', 'local', '--sha', good, '--json']);
    expect(run.exitCode, run.stderr).toBe(0);
    await waitForAllUp();
    const health = await get('/health');
    expect(health.status, health.body).toBe(200);
    // The tables are the app user's: it made them, after the grants gave it schema public.
    expect(
      await asOwner(
        "SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace",
      ),
    ).toBe('opsctl_api');
    // Every session of the app user (the API's pools on both droplets) is TLS.
    expect(
      await asOwner(
        "SELECT count(*) > 0 AND bool_and(s.ssl) FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid) WHERE a.usename = 'opsctl_api'",
      ),
    ).toBe('t');
  });

  it('fails the next deploy, before any switch, when the droplets get the wrong CA', async () => {
    // The process environment wins over .env.local: the cache's CA in place of the database's.
    const wrong = readDotEnv(repoRoot, 'local').get('REDIS_CA_CERT') ?? '';
    expect(wrong).toContain('-----BEGIN CERTIFICATE-----');
    const since = new Date().toISOString();
    const run = await opsctl(['deploy', 'local', '--sha', next, '--json'], {
      DATABASE_CA_CERT: wrong,
    });
    expect(run.exitCode, run.stderr).not.toBe(0);
    // The migration's client gave up in the TLS handshake, refusing the server's certificate: the
    // error names it, and PostgreSQL logs the handshake its client abandoned.
    const logs = await execa('docker', ['logs', '--since', since, 'opsctl-local-postgres'], {
      all: true,
    });
    expect(`${run.stdout}\n${run.stderr}\n${logs.all}`).toMatch(
      /self[- ]signed certificate|unknown ca|could not accept SSL connection/i,
    );
    expect(versionOf((await get('/version')).body)).toBe(short(good));
    // Restored with the right CA, the same release deploys.
    const again = await opsctl(['deploy', 'local', '--sha', next, '--json']);
    expect(again.exitCode, again.stderr).toBe(0);
    await waitForAllUp();
    expect(versionOf((await get('/version')).body)).toBe(short(next));
  });
});
