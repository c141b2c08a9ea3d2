import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/secrets/fingerprint.js';
import { FINGERPRINTS_VARIABLE, GitHubTarget } from '../../../src/secrets/github/github-target.js';
import { Secret } from '../../../src/secrets/secret.js';
import { syncTarget } from '../../../src/secrets/sync/sync-target.js';
import { FINGERPRINT_KEY, REPOSITORY, startApis, type Apis } from './support/apis.js';

const KEY = new Secret(FINGERPRINT_KEY);
let apis: Apis;

beforeAll(async () => {
  apis = await startApis();
});
afterAll(async () => {
  await apis.close();
});

function run(target: GitHubTarget, values: Record<string, string>, dryRun = false) {
  const secrets = new Map(Object.entries(values).map(([k, v]) => [k, new Secret(v)]));
  return syncTarget({
    target,
    values: secrets,
    fingerprints: new Map([...secrets].map(([k, v]) => [k, fingerprint(KEY, k, v)])),
    dryRun,
    now: new Date().toISOString(),
  });
}

const outcomes = (rows: { secret: string; outcome: string }[]) =>
  Object.fromEntries(rows.map((r) => [r.secret, r.outcome]));

describe('syncing GitHub repository secrets through the REST API', () => {
  it('creates, then leaves alone, then updates only what changed, recording fingerprints beside them', async () => {
    const scope = { repository: REPOSITORY, environment: undefined };
    const target = new GitHubTarget(apis.githubApi, scope, ['DB_URL', 'API_KEY']);
    const first = await run(target, {
      DB_URL: 'postgres://one-sentinel',
      API_KEY: 'key-one-sentinel',
    });
    expect(outcomes(first)).toEqual({ DB_URL: 'created', API_KEY: 'created' });
    expect(first[0]?.target).toBe('github:acme/shop');
    expect(apis.github.openedSecret(REPOSITORY, undefined, 'DB_URL')).toBe(
      'postgres://one-sentinel',
    );

    const puts = () => apis.github.requests().filter((r) => r.method === 'PUT').length;
    const before = puts();
    const again = await run(target, {
      DB_URL: 'postgres://one-sentinel',
      API_KEY: 'key-one-sentinel',
    });
    expect(outcomes(again)).toEqual({ DB_URL: 'unchanged', API_KEY: 'unchanged' });
    expect(puts()).toBe(before);

    const changed = await run(target, {
      DB_URL: 'postgres://two-sentinel',
      API_KEY: 'key-one-sentinel',
    });
    expect(outcomes(changed)).toEqual({ DB_URL: 'updated', API_KEY: 'unchanged' });
    expect(apis.github.openedSecret(REPOSITORY, undefined, 'DB_URL')).toBe(
      'postgres://two-sentinel',
    );

    const variable = await apis.githubApi.getVariable(scope, FINGERPRINTS_VARIABLE);
    expect(variable).toContain(fingerprint(KEY, 'DB_URL', new Secret('postgres://two-sentinel')));
    expect(variable).not.toContain('sentinel');
  });

  it('overwrites a secret set by hand, since without a fingerprint it cannot know it is current', async () => {
    const scope = { repository: REPOSITORY, environment: 'staging' };
    const hand = new GitHubTarget(apis.githubApi, scope, ['BY_HAND']);
    // Someone set it in the settings page: present, but no fingerprint recorded.
    const key = await apis.githubApi.publicKey(scope);
    const { sealForGitHub } = await import('../../../src/secrets/github/seal.js');
    await apis.githubApi.putSecret(scope, 'BY_HAND', {
      encryptedValue: await sealForGitHub(new Secret('old-by-hand'), key.key),
      keyId: key.keyId,
    });
    expect(outcomes(await run(hand, { BY_HAND: 'from-opsctl-value' }))).toEqual({
      BY_HAND: 'updated',
    });
    expect(apis.github.openedSecret(REPOSITORY, 'staging', 'BY_HAND')).toBe('from-opsctl-value');
    expect(apis.github.openedSecret(REPOSITORY, undefined, 'BY_HAND')).toBeUndefined();
  });

  it('refuses GITHUB_ names and values over 48 KB without sending them', async () => {
    const scope = { repository: REPOSITORY, environment: undefined };
    const target = new GitHubTarget(apis.githubApi, scope, ['GITHUB_PAT', 'HUGE', 'FINE']);
    const before = apis.github.requests().filter((r) => r.method === 'PUT').length;
    const rows = await run(target, {
      GITHUB_PAT: 'abcd1234',
      HUGE: 'x'.repeat(48 * 1024 + 1),
      FINE: 'fine-value',
    });
    expect(rows).toEqual([
      expect.objectContaining({
        secret: 'GITHUB_PAT',
        outcome: 'failed',
        error: 'GitHub secret names cannot start with GITHUB_',
      }),
      expect.objectContaining({
        secret: 'HUGE',
        outcome: 'failed',
        error: 'the value is 49153 bytes; GitHub stores at most 49152 (48 KB)',
      }),
      expect.objectContaining({ secret: 'FINE', outcome: 'created' }),
    ]);
    expect(apis.github.requests().filter((r) => r.method === 'PUT').length).toBe(before + 1);
  });

  it('fails only the secret GitHub refused, and a second run finishes the job', async () => {
    const scope = { repository: REPOSITORY, environment: 'staging' };
    const target = new GitHubTarget(apis.githubApi, scope, ['P_ONE', 'P_TWO']);
    apis.github.failNext('PUT', /\/secrets\/P_TWO$/, 403);
    const first = await run(target, { P_ONE: 'value-one', P_TWO: 'value-two' });
    expect(outcomes(first)).toEqual({ P_ONE: 'created', P_TWO: 'failed' });
    expect(first[1]?.error).toMatch(
      /^GitHub could not set secret P_TWO in github:acme\/shop \(environment staging\): 403 Injected failure\. The token may not do this/,
    );
    expect(outcomes(await run(target, { P_ONE: 'value-one', P_TWO: 'value-two' }))).toEqual({
      P_ONE: 'unchanged',
      P_TWO: 'created',
    });
  });

  it('rides out a server error with a retry', async () => {
    const target = new GitHubTarget(
      apis.githubApi,
      { repository: REPOSITORY, environment: undefined },
      ['RETRIED'],
    );
    apis.github.failNext('PUT', /\/secrets\/RETRIED$/, 502);
    expect(outcomes(await run(target, { RETRIED: 'value-retried' }))).toEqual({
      RETRIED: 'created',
    });
  });

  it('changes nothing in a dry run, yet says what would change', async () => {
    const target = new GitHubTarget(
      apis.githubApi,
      { repository: REPOSITORY, environment: undefined },
      ['DRY'],
    );
    expect(outcomes(await run(target, { DRY: 'dry-value' }, true))).toEqual({ DRY: 'created' });
    expect(apis.github.openedSecret(REPOSITORY, undefined, 'DRY')).toBeUndefined();
  });

  it('reports an unknown repository as a failure of its rows, with what to check', async () => {
    const target = new GitHubTarget(
      apis.githubApi,
      { repository: 'acme/missing', environment: undefined },
      ['X1'],
    );
    const [row] = await run(target, { X1: 'value-x' });
    expect(row).toMatchObject({ outcome: 'failed' });
    expect(row?.error).toMatch(/404 Not Found\. Check github\.repository/);
  });
});
