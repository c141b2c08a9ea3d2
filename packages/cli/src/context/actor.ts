import { hostname, userInfo } from 'node:os';

type Env = Readonly<Record<string, string | undefined>>;

/** Who runs opsctl: the GitHub actor under Actions, else the local user. */
export const actorName = (env: Env): string => env.GITHUB_ACTOR ?? userInfo().username;

/** The URL of the CI run (GitHub Actions), recorded in locks, releases and audit lines. */
export function ciRunUrl(env: Env): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined;
}

/** Who acts, for a droplet's audit log: `alice@laptop`, plus the CI run when there is one. */
export function auditActor(env: Env): string {
  const url = ciRunUrl(env);
  return `${actorName(env)}@${hostname()}${url === undefined ? '' : ` (${url})`}`;
}
