import { describe, expect, it } from 'vitest';
import { parseWorkflow } from '../src/workflow/workflow-model.js';
import { readRepoFile } from './support/repo.js';

const workflow = parseWorkflow(readRepoFile('.github/workflows/ci-cd.yml'));
const testJob = workflow.jobs.find((j) => j.id === 'test');
const steps = testJob?.steps ?? [];
const runs = (pattern: RegExp) => steps.findIndex((s) => pattern.test(s.run ?? ''));

describe("the test job's DigitalOcean API description (a runner has no ../shared)", () => {
  it('is fetched by the same code the contract tests use, before any suite runs', () => {
    const fetch = runs(/pnpm --filter @opsctl\/testbed contract:fetch/);
    const firstSuite = runs(/turbo run test/);
    expect(fetch, 'a step runs contract:fetch').toBeGreaterThanOrEqual(0);
    expect(firstSuite, 'a step runs the suites').toBeGreaterThan(fetch);
    expect(steps[fetch]?.run).toMatch(/turbo run build --filter=@opsctl\/testbed .*&&/s);
  });

  it('is never pointed at a folder the runner does not have', () => {
    const places = [workflow.raw.env, testJob?.raw.env, ...steps.map((s) => s.env)].map((env) =>
      JSON.stringify(env ?? {}),
    );
    for (const env of places) expect(env).not.toMatch(/OPSCTL_CONTRACTS_DIR|shared\/contracts/);
    for (const s of steps) expect(s.run ?? '').not.toMatch(/OPSCTL_CONTRACTS_(DIR|DOWNLOAD)=/);
  });
});
