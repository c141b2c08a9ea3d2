import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobsThatRun } from '../src/workflow/evaluate.js';
import { parseWorkflow } from '../src/workflow/workflow-model.js';
import { pullRequestInto } from './support/events.js';
import { startRecordingGitHub, type RecordingGitHub } from './support/recording-github.js';
import { readRepoFile } from './support/repo.js';
import { runScript } from './support/run-script.js';

const TOKEN = 'ghp_testTokenThatMustNeverBePrinted000000';
const env = (github: RecordingGitHub, extra: Record<string, string> = {}) => ({
  GITHUB_API_URL: github.url,
  GITHUB_TOKEN: TOKEN,
  GITHUB_REPOSITORY: 'acme/shop',
  OPSCTL_PRODUCTION_REVIEWERS: 'Team:1234,User:5678',
  ...extra,
});

describe('.github/scripts/protect-repository.sh', () => {
  let github: RecordingGitHub;
  beforeEach(async () => {
    github = await startRecordingGitHub();
  });
  afterEach(async () => {
    await github.close();
  });

  it('protects main and develop with the files in .github/branch-protection, sending the token only as a header', async () => {
    const result = await runScript('protect-repository.sh', [], env(github));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const protections = github.requests.filter((r) => r.path.includes('/protection'));
    expect(protections.map((r) => `${r.method} ${r.path}`)).toEqual([
      'PUT /repos/acme/shop/branches/main/protection',
      'PUT /repos/acme/shop/branches/develop/protection',
    ]);
    expect(protections[0]?.body).toEqual(
      JSON.parse(readRepoFile('.github/branch-protection/main.json')),
    );
    expect(protections[1]?.body).toEqual(
      JSON.parse(readRepoFile('.github/branch-protection/develop.json')),
    );
    expect(github.requests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(result.stdout).not.toContain(TOKEN);
  });

  it('requires exactly the checks a pull request runs, on an up-to-date branch', () => {
    const workflow = parseWorkflow(readRepoFile('.github/workflows/ci-cd.yml'));
    for (const branch of ['main', 'develop']) {
      const names = jobsThatRun(workflow, pullRequestInto(branch)).map(
        (id) => workflow.jobs.find((j) => j.id === id)?.name ?? id,
      );
      const rules = JSON.parse(readRepoFile(`.github/branch-protection/${branch}.json`)) as {
        required_status_checks: { strict: boolean; contexts: string[] };
        allow_force_pushes: boolean;
      };
      expect(rules.required_status_checks.contexts.sort()).toEqual(names.sort());
      expect(rules.required_status_checks.strict).toBe(true);
      expect(rules.allow_force_pushes).toBe(false);
    }
  });

  it('makes production wait for its reviewers and lets only protected branches deploy', async () => {
    await runScript('protect-repository.sh', [], env(github));
    const production = github.requests.find(
      (r) => r.path === '/repos/acme/shop/environments/production',
    );
    expect(production?.body).toEqual({
      reviewers: [
        { type: 'Team', id: 1234 },
        { type: 'User', id: 5678 },
      ],
      prevent_self_review: true,
      deployment_branch_policy: { protected_branches: true, custom_branch_policies: false },
    });
    const staging = github.requests.find((r) => r.path === '/repos/acme/shop/environments/staging');
    expect(staging?.body).toEqual({
      deployment_branch_policy: { protected_branches: true, custom_branch_policies: false },
    });
  });

  it('refuses malformed reviewers before sending anything', async () => {
    const result = await runScript(
      'protect-repository.sh',
      [],
      env(github, { OPSCTL_PRODUCTION_REVIEWERS: 'Team:core' }),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('User:<id> or Team:<id>');
    expect(github.requests).toEqual([]);
  });

  it('refuses to run without a token or a repository, sending nothing', async () => {
    expect(
      (await runScript('protect-repository.sh', [], env(github, { GITHUB_TOKEN: '' }))).stderr,
    ).toContain('GITHUB_TOKEN is empty');
    expect(
      (await runScript('protect-repository.sh', [], env(github, { GITHUB_REPOSITORY: 'shop' })))
        .stderr,
    ).toContain('must be owner/name');
    expect(github.requests).toEqual([]);
  });
});

describe('protect-repository.sh when GitHub refuses', () => {
  it("stops at the first refusal with GitHub's answer and a failing exit code", async () => {
    const github = await startRecordingGitHub({ path: /develop/, status: 422 });
    try {
      const result = await runScript('protect-repository.sh', [], env(github));
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('422');
      expect(github.requests.map((r) => r.path)).toEqual([
        '/repos/acme/shop/branches/main/protection',
        '/repos/acme/shop/branches/develop/protection',
      ]);
    } finally {
      await github.close();
    }
  });
});
