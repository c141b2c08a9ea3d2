import sodium from 'libsodium-wrappers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitHubStandIn, type GitHubStandIn } from '../../../src/github/stand-in.js';

const TOKEN = 'ghp_test_token_0123456789';
const REPO = 'acme/shop';

let api: GitHubStandIn;

async function call(
  method: string,
  path: string,
  body?: unknown,
  token: string | null = TOKEN,
): Promise<{ status: number; body: unknown; link: string | null }> {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text === '' ? undefined : JSON.parse(text),
    link: res.headers.get('link'),
  };
}

async function seal(
  value: string,
  base = `/repos/${REPO}/actions/secrets`,
): Promise<{ encrypted_value: string; key_id: string }> {
  const { body } = await call('GET', `${base}/public-key`);
  const key = body as { key_id: string; key: string };
  await sodium.ready;
  const sealed = sodium.crypto_box_seal(
    sodium.from_string(value),
    sodium.from_base64(key.key, sodium.base64_variants.ORIGINAL),
  );
  return {
    encrypted_value: sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL),
    key_id: key.key_id,
  };
}

beforeAll(async () => {
  api = await startGitHubStandIn({
    token: TOKEN,
    repositories: [{ name: REPO, environments: ['staging'] }],
  });
});
afterAll(async () => {
  await api.close();
});

describe('GitHub stand-in: Actions secrets', () => {
  it('asks for authentication and refuses a wrong token, in GitHub’s error shape', async () => {
    expect(await call('GET', `/repos/${REPO}/actions/secrets`, undefined, null)).toMatchObject({
      status: 401,
      body: {
        message: 'Requires authentication',
        documentation_url: 'https://docs.github.com/rest',
        status: '401',
      },
    });
    expect(
      (await call('GET', `/repos/${REPO}/actions/secrets`, undefined, 'ghp_wrong')).body,
    ).toMatchObject({
      message: 'Bad credentials',
    });
  });

  it('publishes a 32-byte public key and opens what is sealed against it: 201 to create, 204 to update', async () => {
    const value = 'postgres://u:p@h/db?x=1\nline two "quoted" $HOME ключ 🔑';
    const created = await call('PUT', `/repos/${REPO}/actions/secrets/db_url`, await seal(value));
    expect(created).toMatchObject({ status: 201, body: {} });
    expect(api.openedSecret(REPO, undefined, 'DB_URL')).toBe(value);
    const updated = await call(
      'PUT',
      `/repos/${REPO}/actions/secrets/DB_URL`,
      await seal('second'),
    );
    expect(updated.status).toBe(204);
    expect(updated.body).toBeUndefined();
    expect(api.openedSecret(REPO, undefined, 'db_url')).toBe('second');
    const info = await call('GET', `/repos/${REPO}/actions/secrets/DB_URL`);
    expect(info.body).toEqual({
      name: 'DB_URL',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) as string,
      updated_at: expect.any(String) as string,
    });
  });

  it('refuses values it cannot open, stale key ids, bad names and values over 48 KB with 422', async () => {
    const other = await seal('x', `/repos/${REPO}/environments/staging/secrets`);
    const good = await seal('x');
    const refusals = [
      await call('PUT', `/repos/${REPO}/actions/secrets/A_B`, {
        ...good,
        encrypted_value: other.encrypted_value,
      }),
      await call('PUT', `/repos/${REPO}/actions/secrets/A_B`, { ...good, key_id: '1' }),
      await call('PUT', `/repos/${REPO}/actions/secrets/A_B`, {
        encrypted_value: good.encrypted_value,
      }),
      await call('PUT', `/repos/${REPO}/actions/secrets/GITHUB_TOKEN2`, good),
      await call('PUT', `/repos/${REPO}/actions/secrets/9LIVES`, good),
      await call('PUT', `/repos/${REPO}/actions/secrets/A-B`, good),
      await call(
        'PUT',
        `/repos/${REPO}/actions/secrets/BIG`,
        await seal('x'.repeat(48 * 1024 + 1)),
      ),
    ];
    expect(refusals.map((r) => r.status)).toEqual([422, 422, 422, 422, 422, 422, 422]);
    expect((refusals[2]?.body as { message: string }).message).toBe(
      'Invalid request.\n\n"key_id" wasn\'t supplied.',
    );
    expect(api.openedSecret(REPO, undefined, 'A_B')).toBeUndefined();
    expect(
      (await call('PUT', `/repos/${REPO}/actions/secrets/MAX`, await seal('x'.repeat(48 * 1024))))
        .status,
    ).toBe(201);
  });

  it('keeps environment secrets apart, under their own key, and answers 404 for unknown places', async () => {
    const repoKey = (await call('GET', `/repos/${REPO}/actions/secrets/public-key`)).body as {
      key: string;
    };
    const envKey = (await call('GET', `/repos/${REPO}/environments/staging/secrets/public-key`))
      .body as { key: string };
    expect(envKey.key).not.toBe(repoKey.key);
    const base = `/repos/${REPO}/environments/staging/secrets`;
    expect((await call('PUT', `${base}/ONLY_STAGING`, await seal('s3cr3t-env', base))).status).toBe(
      201,
    );
    expect(api.openedSecret(REPO, 'staging', 'ONLY_STAGING')).toBe('s3cr3t-env');
    expect(api.openedSecret(REPO, undefined, 'ONLY_STAGING')).toBeUndefined();
    expect(await call('GET', `/repos/${REPO}/environments/nope/secrets`)).toMatchObject({
      status: 404,
      body: { message: 'Not Found', status: '404' },
    });
    expect((await call('GET', '/repos/acme/other/actions/secrets')).status).toBe(404);
  });

  it('lists names only, upper case, paged with a Link header', async () => {
    for (const name of ['p_one', 'p_two', 'p_three']) {
      await call('PUT', `/repos/${REPO}/actions/secrets/${name}`, await seal('v'));
    }
    const first = await call('GET', `/repos/${REPO}/actions/secrets?per_page=2`);
    const body = first.body as { total_count: number; secrets: { name: string }[] };
    expect(JSON.stringify(body)).not.toContain('"value"');
    expect(body.secrets.map((s) => s.name)).toHaveLength(2);
    expect(first.link).toMatch(
      /<http:\/\/127\.0\.0\.1:\d+\/repos\/acme\/shop\/actions\/secrets\?per_page=2&page=2>; rel="next", <[^>]+page=\d+>; rel="last"/,
    );
    const names: string[] = [];
    let next: string | undefined = `${api.url}/repos/${REPO}/actions/secrets?per_page=2`;
    while (next !== undefined) {
      const page = await call('GET', next.slice(api.url.length));
      names.push(...(page.body as { secrets: { name: string }[] }).secrets.map((s) => s.name));
      next = /<([^>]+)>; rel="next"/.exec(page.link ?? '')?.[1];
    }
    expect(names).toHaveLength(body.total_count);
    expect(names).toEqual(expect.arrayContaining(['P_ONE', 'P_TWO', 'P_THREE']));
  });

  it('answers injected failures as GitHub would, then recovers', async () => {
    api.failNext('PUT', /\/actions\/secrets\/FLAKY$/, 502);
    expect(
      (await call('PUT', `/repos/${REPO}/actions/secrets/FLAKY`, await seal('v'))).status,
    ).toBe(502);
    expect(
      (await call('PUT', `/repos/${REPO}/actions/secrets/FLAKY`, await seal('v'))).status,
    ).toBe(201);
  });
});

describe('GitHub stand-in: Actions variables', () => {
  it('creates with 201, refuses a duplicate with 409, reads, updates with 204 and answers 404 when absent', async () => {
    const base = `/repos/${REPO}/environments/staging/variables`;
    expect(await call('POST', base, { name: 'fp_doc', value: '{"a":1}' })).toMatchObject({
      status: 201,
      body: {},
    });
    expect((await call('POST', base, { name: 'FP_DOC', value: 'x' })).status).toBe(409);
    expect((await call('GET', `${base}/FP_DOC`)).body).toMatchObject({
      name: 'FP_DOC',
      value: '{"a":1}',
    });
    expect(
      (await call('PATCH', `${base}/FP_DOC`, { name: 'FP_DOC', value: '{"a":2}' })).status,
    ).toBe(204);
    expect((await call('GET', `${base}/fp_doc`)).body).toMatchObject({ value: '{"a":2}' });
    expect((await call('GET', `${base}/MISSING`)).status).toBe(404);
    expect((await call('PATCH', `${base}/MISSING`, { value: 'x' })).status).toBe(404);
    expect((await call('GET', `/repos/${REPO}/actions/variables/FP_DOC`)).status).toBe(404);
  });
});
