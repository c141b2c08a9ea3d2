import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/secrets/fingerprint.js';
import { serializeRecords } from '../../../src/secrets/fingerprint-records.js';
import { FINGERPRINTS_VARIABLE } from '../../../src/secrets/github/github-target.js';
import { Secret } from '../../../src/secrets/secret.js';
import { secretsCheck } from '../../../src/services/secrets-check.js';
import { secretsSync } from '../../../src/services/secrets-sync.js';
import { FINGERPRINT_KEY, REPOSITORY, startApis, type Apis } from './support/apis.js';
import { secretsProject, type Project } from './support/secrets-project.js';

const VALUES = 'DATABASE_URL=postgres://check-sentinel@db/shop\nWEB_TOKEN=web-check-sentinel\n';
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

const statuses = (rows: readonly { secret: string; target: string; status: string }[]) =>
  rows.map((r) => `${r.secret} ${r.target} ${r.status}`);

async function failure(promise: Promise<unknown>): Promise<{
  code: string;
  exitCode: number;
  message: string;
  details: { rows: { secret: string; target: string; status: string }[]; due: string[] };
}> {
  try {
    await promise;
  } catch (error) {
    return error as never;
  }
  throw new Error('expected the check to fail');
}

describe('opsctl secrets check', () => {
  it('fails naming the secrets missing at their targets, and passes once they are synced', async () => {
    const missing = await failure(secretsCheck(project.run().ctx, {}));
    expect(missing).toMatchObject({ code: 'SECRETS_CHECK_FAILED', exitCode: 2 });
    expect(missing.message).toBe(
      'Secrets of staging need attention; missing: DATABASE_URL at github:acme/shop, DATABASE_URL at github:acme/shop (environment staging), WEB_TOKEN at vercel:web (production), WEB_TOKEN at vercel:web (preview).',
    );
    await secretsSync(project.run().ctx, { only: undefined, restart: false });
    const run = project.run();
    const ok = await secretsCheck(run.ctx, {});
    expect(statuses(ok.rows)).toEqual([
      'DATABASE_URL github:acme/shop ok',
      'DATABASE_URL github:acme/shop (environment staging) ok',
      'WEB_TOKEN vercel:web (production) ok',
      'WEB_TOKEN vercel:web (preview) ok',
    ]);
    expect(run.stdout.text).toContain(
      'every secret is present, current and within its rotation period',
    );
    expect(run.stdout.text + run.stderr.text).not.toContain('sentinel');
  });

  it('finds drift by fingerprint when the source changed since the last sync', async () => {
    await secretsSync(project.run().ctx, { only: undefined, restart: false });
    await writeFile(
      join(project.dir, '.env.staging'),
      VALUES.replace('web-check-sentinel', 'web-rotated-sentinel'),
    );
    const drift = await failure(secretsCheck(project.run().ctx, {}));
    expect(drift.message).toBe(
      'Secrets of staging need attention; out of date: WEB_TOKEN at vercel:web (production), WEB_TOKEN at vercel:web (preview).',
    );
  });

  it('fails with the names past their rotation period', async () => {
    await secretsSync(project.run().ctx, { only: undefined, restart: false });
    // As if the repository secret had been synced 120 days ago.
    const old = new Date(Date.now() - 120 * 86_400_000).toISOString();
    const fp = fingerprint(
      new Secret(FINGERPRINT_KEY),
      'DATABASE_URL',
      new Secret('postgres://check-sentinel@db/shop'),
    );
    await apis.githubApi.setVariable(
      { repository: REPOSITORY, environment: undefined },
      FINGERPRINTS_VARIABLE,
      serializeRecords(new Map([['DATABASE_URL', { fingerprint: fp, updatedAt: old }]])),
    );
    const run = project.run();
    const due = await failure(secretsCheck(run.ctx, {}));
    expect(due.details.due).toEqual(['DATABASE_URL']);
    expect(due.message).toBe(
      'Secrets of staging need attention; due for rotation: DATABASE_URL (120 days old, rotate every 90).',
    );
    expect(statuses(due.details.rows)).toContain('DATABASE_URL github:acme/shop due');
    expect(statuses(due.details.rows)).toContain(
      'DATABASE_URL github:acme/shop (environment staging) ok',
    );
    expect(run.stdout.text).toMatch(
      /DATABASE_URL\s+github:acme\/shop\s+due for rotation\s+120d\s+90d/,
    );
  });
});
