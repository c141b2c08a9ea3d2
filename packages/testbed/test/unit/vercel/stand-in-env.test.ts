import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVercelStandIn, type VercelStandIn } from '../../../src/vercel/stand-in.js';

const TOKEN = 'vercel_test_token_0123';
const TEAM = 'team_acme';
let api: VercelStandIn;

async function call(
  method: string,
  path: string,
  body?: unknown,
  token = TOKEN,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const env = `/v10/projects/web/env?teamId=${TEAM}`;

beforeAll(async () => {
  api = await startVercelStandIn({
    token: TOKEN,
    projects: [
      { id: 'prj_web123', name: 'web', teamId: TEAM },
      { id: 'prj_mine456', name: 'mine' },
    ],
  });
});
afterAll(async () => {
  await api.close();
});

describe('Vercel stand-in: project environment variables', () => {
  it('refuses a wrong token with 403 in Vercel’s error shape', async () => {
    expect(await call('GET', env, undefined, 'nope')).toEqual({
      status: 403,
      body: { error: { code: 'forbidden', message: 'Not authorized', invalidToken: true } },
    });
  });

  it('scopes projects by teamId: a team project without it is not found, an unknown team is forbidden', async () => {
    expect(await call('GET', '/v10/projects/web/env')).toEqual({
      status: 404,
      body: { error: { code: 'not_found', message: 'Project not found' } },
    });
    expect((await call('GET', '/v10/projects/web/env?teamId=team_other')).status).toBe(403);
    expect((await call('GET', '/v10/projects/prj_mine456/env')).status).toBe(200);
  });

  it('creates with 201, updates with upsert=true, and never lists a sensitive value', async () => {
    const item = {
      key: 'API_TOKEN',
      value: 'first-sentinel',
      type: 'sensitive',
      target: ['production'],
      comment: 'c1',
    };
    const created = await call('POST', `${env}&upsert=true`, item);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      created: { key: 'API_TOKEN', type: 'sensitive', target: ['production'] },
      failed: [],
    });
    const updated = await call('POST', `${env}&upsert=true`, {
      ...item,
      value: 'second-sentinel',
      comment: 'c2',
    });
    expect(updated.body.failed).toEqual([]);
    expect(api.storedValue('web', 'API_TOKEN', 'production')).toBe('second-sentinel');
    const list = await call('GET', `${env}&decrypt=true`);
    expect(JSON.stringify(list.body)).not.toContain('sentinel');
    expect((list.body.envs as { key: string; comment: string }[])[0]).toMatchObject({
      key: 'API_TOKEN',
      comment: 'c2',
    });
  });

  it('reports conflicts inside a 201 in failed[], without upsert or across different target sets', async () => {
    const item = {
      key: 'SHARED',
      value: 'v1-value',
      type: 'encrypted',
      target: ['preview', 'development'],
    };
    expect((await call('POST', env, item)).body.failed).toEqual([]);
    const again = await call('POST', env, item);
    expect(again.status).toBe(201);
    expect(again.body.failed).toEqual([
      {
        error: expect.objectContaining({
          code: 'ENV_CONFLICT',
          message:
            'A variable with the name `SHARED` already exists for the target preview on branch undefined',
          key: 'SHARED',
        }) as unknown,
      },
    ]);
    const overlapping = await call('POST', `${env}&upsert=true`, { ...item, target: ['preview'] });
    expect((overlapping.body.failed as unknown[]).length).toBe(1);
    expect(api.storedValue('web', 'SHARED', 'preview')).toBe('v1-value');
  });

  it('decrypts encrypted values on request, and refuses sensitive ones in development with 400', async () => {
    await call('POST', env, {
      key: 'ENC',
      value: 'readable-value',
      type: 'encrypted',
      target: ['production'],
    });
    const hidden = await call('GET', env);
    const plain = await call('GET', `${env}&decrypt=true`);
    const find = (b: Record<string, unknown>) =>
      (b.envs as { key: string; value: string; decrypted: boolean }[]).find((e) => e.key === 'ENC');
    expect(find(hidden.body)).toMatchObject({ decrypted: false });
    expect(find(hidden.body)?.value).not.toBe('readable-value');
    expect(find(plain.body)).toMatchObject({ value: 'readable-value', decrypted: true });
    expect(
      await call('POST', env, {
        key: 'S',
        value: 'xxxx',
        type: 'sensitive',
        target: ['development'],
      }),
    ).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    expect(
      (await call('POST', env, { key: 'NO_TYPE', value: 'x', target: ['preview'] })).status,
    ).toBe(400);
  });

  it('answers injected failures in Vercel’s shape', async () => {
    api.failNext('POST', /\/env$/, 500);
    expect(
      await call('POST', env, { key: 'X', value: 'y', type: 'encrypted', target: ['preview'] }),
    ).toMatchObject({
      status: 500,
      body: { error: { code: 'internal_server_error' } },
    });
  });
});
