import {
  startGitHubStandIn,
  startVercelStandIn,
  type GitHubStandIn,
  type VercelStandIn,
} from '@opsctl/testbed';
import { GitHubApi } from '../../../../src/secrets/github/github-api.js';
import { JsonApi } from '../../../../src/secrets/http/json-api.js';
import { VercelApi } from '../../../../src/secrets/vercel/vercel-api.js';

export const GITHUB_TOKEN = 'ghp_unit_test_token_000000000000000';
export const VERCEL_TOKEN = 'vercel_unit_test_token_0000000';
export const REPOSITORY = 'acme/shop';
export const TEAM = 'team_acme';
/** 32+ characters, as opsctl requires of the fingerprint key. */
export const FINGERPRINT_KEY = 'unit-test-fingerprint-key-0123456789abcdef';

export interface Apis {
  readonly github: GitHubStandIn;
  readonly vercel: VercelStandIn;
  readonly githubApi: GitHubApi;
  readonly vercelApi: VercelApi;
  close(): Promise<void>;
}

/** The GitHub and Vercel stand-ins (the only fakes: cloud APIs) and clients pointed at them. */
export async function startApis(): Promise<Apis> {
  const github = await startGitHubStandIn({
    token: GITHUB_TOKEN,
    repositories: [{ name: REPOSITORY, environments: ['staging'] }],
  });
  const vercel = await startVercelStandIn({
    token: VERCEL_TOKEN,
    projects: [{ id: 'prj_web', name: 'web', teamId: TEAM }],
  });
  return {
    github,
    vercel,
    githubApi: new GitHubApi(
      new JsonApi({
        api: 'GitHub',
        baseUrl: github.url,
        headers: { authorization: `Bearer ${GITHUB_TOKEN}`, 'x-github-api-version': '2022-11-28' },
      }),
    ),
    vercelApi: new VercelApi(
      new JsonApi({
        api: 'Vercel',
        baseUrl: vercel.url,
        headers: { authorization: `Bearer ${VERCEL_TOKEN}` },
      }),
    ),
    close: async () => {
      await github.close();
      await vercel.close();
    },
  };
}
