import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/secrets/fingerprint.js';
import { Secret } from '../../../src/secrets/secret.js';
import { syncTarget } from '../../../src/secrets/sync/sync-target.js';
import type { VercelEnvironment } from '../../../src/config/types.js';
import { recordFromComment, VercelTarget } from '../../../src/secrets/vercel/vercel-target.js';
import { FINGERPRINT_KEY, startApis, TEAM, type Apis } from './support/apis.js';

const KEY = new Secret(FINGERPRINT_KEY);
let apis: Apis;

beforeAll(async () => {
  apis = await startApis();
});
afterAll(async () => {
  await apis.close();
});

const target = (
  environment: VercelEnvironment,
  names: string[],
  type: 'encrypted' | 'sensitive' = 'sensitive',
  teamId: string | null = TEAM,
) => {
  const ref = { project: 'web', teamId: teamId ?? undefined };
  return new VercelTarget(apis.vercelApi, ref, environment, type, names, () =>
    apis.vercelApi.list(ref),
  );
};

function run(t: VercelTarget, values: Record<string, string>) {
  const secrets = new Map(Object.entries(values).map(([k, v]) => [k, new Secret(v)]));
  return syncTarget({
    target: t,
    values: secrets,
    fingerprints: new Map([...secrets].map(([k, v]) => [k, fingerprint(KEY, k, v)])),
    dryRun: false,
    now: '2026-03-01T10:00:00.000Z',
  });
}

describe('syncing Vercel project variables', () => {
  it('upserts per target, keeps the fingerprint in the comment, and compares by it on the next run', async () => {
    const production = target('production', ['WEB_TOKEN']);
    expect((await run(production, { WEB_TOKEN: 'web-token-one' }))[0]).toMatchObject({
      target: 'vercel:web (production)',
      outcome: 'created',
    });
    expect(apis.vercel.storedValue('web', 'WEB_TOKEN', 'production')).toBe('web-token-one');
    const stored = apis.vercel.storedVariables('web').find((v) => v.key === 'WEB_TOKEN');
    expect(stored).toMatchObject({ type: 'sensitive', target: ['production'] });
    expect(recordFromComment(stored?.comment)).toEqual({
      fingerprint: fingerprint(KEY, 'WEB_TOKEN', new Secret('web-token-one')),
      updatedAt: '2026-03-01T10:00:00.000Z',
    });
    expect((await run(production, { WEB_TOKEN: 'web-token-one' }))[0]?.outcome).toBe('unchanged');
    expect((await run(production, { WEB_TOKEN: 'web-token-two' }))[0]?.outcome).toBe('updated');
    expect(apis.vercel.storedValue('web', 'WEB_TOKEN', 'production')).toBe('web-token-two');
  });

  it('treats a failed[] entry inside a 201 as a failure of that secret', async () => {
    // A variable made by hand for preview and development overlaps the one opsctl wants for preview.
    await apis.vercelApi.upsert(
      { project: 'web', teamId: TEAM },
      {
        key: 'SHARED',
        value: new Secret('by-hand'),
        type: 'encrypted',
        target: 'development',
        comment: '',
      },
    );
    const res = await fetch(`${apis.vercel.url}/v10/projects/web/env?teamId=${TEAM}`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer vercel_unit_test_token_0000000',
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        key: 'SHARED',
        value: 'by-hand',
        type: 'encrypted',
        target: ['preview', 'production'],
      }),
    });
    expect(res.status).toBe(201);
    const [row] = await run(target('preview', ['SHARED'], 'encrypted'), { SHARED: 'from-opsctl' });
    expect(row).toMatchObject({ outcome: 'failed' });
    expect(row?.error).toMatch(
      /^Vercel did not set SHARED \(preview\) in Vercel project web \(team team_acme\): ENV_CONFLICT: A variable with the name `SHARED` already exists/,
    );
    expect(apis.vercel.storedValue('web', 'SHARED', 'preview')).toBe('by-hand');
  });

  it('scopes requests to the team: without the teamId the project is not found', async () => {
    const [row] = await run(target('preview', ['NO_TEAM'], 'encrypted', null), {
      NO_TEAM: 'value-nt',
    });
    expect(row?.outcome).toBe('failed');
    expect(row?.error).toMatch(/404 not_found: Project not found\. Check the project and teamId/);
  });

  it('never reads a value back: listing asks Vercel not to decrypt', async () => {
    await run(target('preview', ['ENC_ONLY'], 'encrypted'), { ENC_ONLY: 'encrypted-value-x' });
    const gets = apis.vercel.requests().filter((r) => r.method === 'GET');
    expect(gets.length).toBeGreaterThan(0);
    expect(gets.every((r) => r.url.includes('decrypt=false'))).toBe(true);
  });
});
