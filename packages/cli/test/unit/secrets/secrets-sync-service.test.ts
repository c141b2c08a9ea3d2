import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OpsctlError } from '../../../src/errors/opsctl-error.js';
import { secretsSync } from '../../../src/services/secrets-sync.js';
import { REPOSITORY, startApis, type Apis } from './support/apis.js';
import { secretsProject, type Project } from './support/secrets-project.js';

const DB = 'postgres://db.internal:5432/shop?sslmode=require&pw=s3ntinel-db-Pa55';
const WEB = 'sentinel-web-token-\n"quoted" $HOME';
const VALUES = `DATABASE_URL=${DB}\nWEB_TOKEN="sentinel-web-token-\\n\\"quoted\\" \\$HOME"\n`;

let apis: Apis;
let project: Project;
// Fresh stand-ins for every test: each starts from an empty repository and project.
beforeEach(async () => {
  apis = await startApis();
  project = await secretsProject(apis, VALUES);
});
afterEach(async () => {
  await project.remove();
  await apis.close();
});

const options = { only: undefined, restart: false };
const summary = (rows: readonly { secret: string; target: string; outcome: string }[]) =>
  rows.map((r) => `${r.secret} ${r.target} ${r.outcome}`);

describe('opsctl secrets sync (GitHub and Vercel targets)', () => {
  it('puts each value where it is declared, then finds nothing to do, never printing a value', async () => {
    const first = project.run();
    const result = await secretsSync(first.ctx, options);
    expect(summary(result.rows)).toEqual([
      'DATABASE_URL github:acme/shop created',
      'DATABASE_URL github:acme/shop (environment staging) created',
      'WEB_TOKEN vercel:web (production) created',
      'WEB_TOKEN vercel:web (preview) created',
    ]);
    expect(result.counts).toEqual({ created: 4, updated: 0, unchanged: 0, failed: 0 });
    expect(apis.github.openedSecret(REPOSITORY, 'staging', 'DATABASE_URL')).toBe(DB);
    expect(apis.vercel.storedValue('web', 'WEB_TOKEN', 'preview')).toBe(WEB);
    expect(first.stdout.text).toMatch(/DATABASE_URL\s+github:acme\/shop\s+created/);
    expect(first.stdout.text).toContain('staging: 4 created, 0 updated, 0 unchanged, 0 failed.');
    for (const text of [first.stdout.text, first.stderr.text, JSON.stringify(result)]) {
      expect(text).not.toContain('s3ntinel');
      expect(text).not.toContain('sentinel-web-token');
    }
    // Under GitHub Actions each value is announced for masking before it is used.
    expect(first.masks).toContain(`::add-mask::${DB}\n`);
    expect(first.masks).toContain('::add-mask::sentinel-web-token-\n');

    const second = await secretsSync(project.run().ctx, options);
    expect(second.counts).toEqual({ created: 0, updated: 0, unchanged: 4, failed: 0 });
  });

  it('shows in a dry run what would change, by name and target only, and changes nothing', async () => {
    const run = project.run({ dryRun: true });
    const result = await secretsSync(run.ctx, options);
    expect(result.dryRun).toBe(true);
    expect(apis.github.openedSecret(REPOSITORY, undefined, 'DATABASE_URL')).toBeUndefined();
    expect(run.stdout.text).toContain('Dry run of secrets sync staging: nothing was changed.');
    expect(run.stdout.text).toMatch(/WEB_TOKEN\s+vercel:web \(preview\)\s+created/);
    expect(run.stdout.text + run.stderr.text).not.toContain('sentinel');
    expect(apis.github.requests().some((r) => r.method === 'PUT')).toBe(false);
  });

  it('syncs only the secrets and target kinds asked for', async () => {
    const result = await secretsSync(project.run().ctx, {
      ...options,
      only: ['DATABASE_URL'],
      targets: ['github'],
    });
    expect(summary(result.rows)).toEqual([
      'DATABASE_URL github:acme/shop created',
      'DATABASE_URL github:acme/shop (environment staging) created',
    ]);
    expect(apis.vercel.requests()).toHaveLength(0);
  });

  it('refuses an unknown --only name and a missing value before contacting any target', async () => {
    await expect(
      secretsSync(project.run().ctx, { ...options, only: ['NOPE'] }),
    ).rejects.toMatchObject({
      code: 'SECRET_UNKNOWN',
      message: 'NOPE is not declared in environment staging (declared: DATABASE_URL, WEB_TOKEN).',
    });
    await writeFile(join(project.dir, '.env.staging'), 'OTHER=x\n');
    await expect(secretsSync(project.run().ctx, options)).rejects.toMatchObject({
      code: 'SECRET_MISSING',
      message: 'No value for secrets DATABASE_URL, WEB_TOKEN of environment staging.',
    });
    expect(apis.github.requests()).toHaveLength(0);
  });

  it('takes values from --stdin over the environment and .env.<env>', async () => {
    await secretsSync(project.run({ env: { DATABASE_URL: 'from-environment' } }).ctx, {
      ...options,
      targets: ['github'],
      stdin: 'DATABASE_URL=from-stdin-value\n',
    });
    expect(apis.github.openedSecret(REPOSITORY, undefined, 'DATABASE_URL')).toBe(
      'from-stdin-value',
    );
  });

  it('reports a partial failure per target with exit code 4, and a second run completes it', async () => {
    apis.github.failNext('PUT', /\/environments\/staging\/secrets\/DATABASE_URL$/, 500, 3);
    const run = project.run();
    let error: unknown;
    try {
      await secretsSync(run.ctx, options);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(OpsctlError);
    expect(error).toMatchObject({ code: 'SECRETS_SYNC_FAILED', exitCode: 4 });
    const details = (error as OpsctlError).details as { rows: { outcome: string }[] };
    expect(details.rows.map((r) => r.outcome)).toEqual(['created', 'failed', 'created', 'created']);
    expect(run.stdout.text).toMatch(
      /DATABASE_URL\s+github:acme\/shop \(environment staging\)\s+failed\s+GitHub could not set secret/,
    );
    const again = await secretsSync(project.run().ctx, options);
    expect(summary(again.rows)).toContain(
      'DATABASE_URL github:acme/shop (environment staging) created',
    );
    expect(again.counts.failed).toBe(0);
  });

  it('fails with exit code 3 when no target could be reached, naming what to check', async () => {
    const run = project.run({ env: { OPSCTL_GITHUB_TOKEN: 'ghp_wrong_token_xxxxxxxxxxxx' } });
    await expect(secretsSync(run.ctx, { ...options, targets: ['github'] })).rejects.toMatchObject({
      code: 'SECRETS_SYNC_FAILED',
      exitCode: 3,
      message: expect.stringContaining('401 Bad credentials') as string,
    });
    expect(run.stdout.text + run.stderr.text).not.toContain('ghp_wrong_token');
  });
});
