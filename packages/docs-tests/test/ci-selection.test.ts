import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/repo.js';
import { scratchClone, type ScratchClone } from './support/turbo-selection.js';

const TURBO_FILES = [
  'turbo.json',
  'packages/api/turbo.json',
  'packages/cli/turbo.json',
  'packages/docs-tests/turbo.json',
  'packages/infra-tests/turbo.json',
];

let clone: ScratchClone;
beforeAll(async () => {
  clone = await scratchClone(repoRoot, TURBO_FILES);
}, 120_000);
afterAll(async () => {
  await clone.cleanup();
});

// turbo runs git and reads every package per case: slow on a busy machine, so a generous bound.
const SLOW = 120_000;

describe('a change outside packages/ runs the tests that cover it (turbo --affected)', () => {
  it(
    'infrastructure only: the infrastructure checks and playbook runs',
    { timeout: SLOW },
    async () => {
      expect(
        await clone.selectedAfterChanging(
          'infrastructure/terraform/environments/staging/terraform.tfvars',
          '# x\n',
        ),
      ).toEqual(['@opsctl/infra-tests#test', '@opsctl/infra-tests#test:integration']);
    },
  );

  it('docs only: the documentation checks', { timeout: SLOW }, async () => {
    expect(await clone.selectedAfterChanging('docs/architecture.md', '\nx\n')).toEqual([
      '@opsctl/docs-tests#test',
    ]);
  });

  it(
    'the workflow only: the workflow model and the environment facts',
    { timeout: SLOW },
    async () => {
      expect(await clone.selectedAfterChanging('.github/workflows/ci-cd.yml', '# x\n')).toEqual([
        '@opsctl/docs-tests#test',
        '@opsctl/infra-tests#test',
      ]);
    },
  );

  it(
    'the Dockerfile only: the image tests and every suite that deploys the image',
    { timeout: SLOW },
    async () => {
      expect(
        await clone.selectedAfterChanging('infrastructure/docker/api/Dockerfile', '# x\n'),
      ).toEqual([
        '@opsctl/api#test:integration',
        '@opsctl/cli#test:integration',
        '@opsctl/infra-tests#test',
        '@opsctl/infra-tests#test:integration',
        '@opsctl/testbed#test:integration',
      ]);
    },
  );

  it(
    'opsctl.yaml only: the config loader, the docs and the environment facts',
    { timeout: SLOW },
    async () => {
      expect(await clone.selectedAfterChanging('opsctl.yaml', '# x\n')).toEqual([
        '@opsctl/cli#test',
        '@opsctl/cli#test:integration',
        '@opsctl/docs-tests#test',
        '@opsctl/infra-tests#test',
      ]);
    },
  );

  it(
    'the compose files only: the compose tests and the local environment',
    { timeout: SLOW },
    async () => {
      expect(await clone.selectedAfterChanging('docker-compose.yml', '# x\n')).toEqual([
        '@opsctl/api#test:integration',
        '@opsctl/cli#test:integration',
      ]);
    },
  );

  it(
    'a package source: that package and the packages that depend on it',
    { timeout: SLOW },
    async () => {
      // The local environment's plugin builds on the CLI, and the infrastructure suite runs both.
      expect(await clone.selectedAfterChanging('packages/cli/src/index.ts', '// x\n')).toEqual([
        '@opsctl/cli#test',
        '@opsctl/cli#test:integration',
        '@opsctl/docs-tests#test',
        '@opsctl/infra-tests#test:integration',
        '@opsctl/plugin-local#test',
      ]);
    },
  );
});
