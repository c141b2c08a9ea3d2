import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useTempDirs } from '../../support/temp-dir.js';
import { describe, expect, it } from 'vitest';
import type { DeployResult } from '../../../src/deploy/run-deploy.js';
import { writeStepSummary } from '../../../src/deploy/step-summary.js';
import { Redactor } from '../../../src/secrets/redactor.js';

const tempDir = useTempDirs('opsctl-summary-');

const result: DeployResult = {
  environment: 'staging',
  service: 'api',
  kind: 'deploy',
  sha: 'abcdef123456',
  digest: `sha256:${'a'.repeat(64)}`,
  outcome: 'rolled-back',
  smoke: { ok: false, failures: ['GET /version does not report abcdef123456'] },
  durationMs: 12_300,
  dryRun: false,
  droplets: [
    {
      droplet: 'api-1',
      outcome: 'rolled-back',
      previousSha: '111111111111',
      durationMs: 6000,
      error: undefined,
    },
    {
      droplet: 'api-2',
      outcome: 'rolled-back',
      previousSha: '111111111111',
      durationMs: 5000,
      error: undefined,
    },
  ],
};

describe('the GitHub Actions job summary of a deploy', () => {
  it('is appended to the file GitHub names, with each droplet and the smoke test failure', async () => {
    const file = join(await tempDir(), 'summary.md');
    await writeStepSummary({ GITHUB_STEP_SUMMARY: file }, result, (t) => t);
    await writeStepSummary(
      { GITHUB_STEP_SUMMARY: file },
      { ...result, outcome: 'succeeded', smoke: { ok: true, failures: [] } },
      (t) => t,
    );
    const text = await readFile(file, 'utf8');
    expect(text).toContain('opsctl deploy of `api` to staging: rolled-back');
    expect(text).toContain('| api-2 | rolled-back | 111111111111 | 5.0 s |');
    expect(text).toContain('Smoke test: GET /version does not report abcdef123456');
    expect(text).toContain('to staging: succeeded');
  });

  it('is not written outside GitHub Actions or for a dry run', async () => {
    const file = join(await tempDir(), 'summary.md');
    await writeStepSummary({}, result, (t) => t);
    await writeStepSummary({ GITHUB_STEP_SUMMARY: file }, { ...result, dryRun: true }, (t) => t);
    await expect(readFile(file, 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('goes through the redactor: a smoke test failure quoting a secret shows it masked', async () => {
    const file = join(await tempDir(), 'summary.md');
    const redactor = new Redactor();
    redactor.add('SENTINEL-summary-secret-81f0');
    const leaky: DeployResult = {
      ...result,
      smoke: { ok: false, failures: ['GET /debug answered "db=SENTINEL-summary-secret-81f0"'] },
    };
    await writeStepSummary({ GITHUB_STEP_SUMMARY: file }, leaky, (t) => redactor.redact(t));
    const text = await readFile(file, 'utf8');
    expect(text).toContain('Smoke test: GET /debug answered "db=[redacted]"');
    expect(text).not.toContain('SENTINEL');
  });
});
