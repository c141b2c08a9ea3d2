import { OpsctlError } from '../errors/opsctl-error.js';
import { checkedApiUrl } from './http/api-base-url.js';
import { JsonApi } from './http/json-api.js';
import type { Redactor } from './redactor.js';
import type { ValueSource } from './values/value-source.js';

interface ApiSetting {
  readonly api: 'GitHub' | 'Vercel';
  /** Names of the token setting, first found wins. */
  readonly tokens: readonly string[];
  readonly urls: readonly string[];
  readonly defaultUrl: string;
  readonly headers: (token: string) => Record<string, string>;
}

const USER_AGENT = 'opsctl';

const SETTINGS: Readonly<Record<'github' | 'vercel', ApiSetting>> = {
  // OPSCTL_GITHUB_* win: GitHub Actions sets GITHUB_API_URL in every job, and its own
  // GITHUB_TOKEN cannot write secrets, so a job can keep both for other steps.
  github: {
    api: 'GitHub',
    tokens: ['OPSCTL_GITHUB_TOKEN', 'GITHUB_TOKEN'],
    urls: ['OPSCTL_GITHUB_API_URL', 'GITHUB_API_URL'],
    defaultUrl: 'https://api.github.com',
    headers: (token) => ({
      authorization: `Bearer ${token}`,
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'user-agent': USER_AGENT,
    }),
  },
  vercel: {
    api: 'Vercel',
    tokens: ['OPSCTL_VERCEL_TOKEN', 'VERCEL_TOKEN'],
    urls: ['OPSCTL_VERCEL_API_URL', 'VERCEL_API_URL'],
    defaultUrl: 'https://api.vercel.com',
    headers: (token) => ({ authorization: `Bearer ${token}`, 'user-agent': USER_AGENT }),
  },
};

/**
 * A client for GitHub's or Vercel's API with its token and URL from the value source (the
 * environment, `.env.<env>` or stdin; never a flag). The token is masked from here on.
 */
export function apiClient(
  which: 'github' | 'vercel',
  source: ValueSource,
  redactor: Redactor,
  signal: AbortSignal | undefined,
): JsonApi {
  const setting = SETTINGS[which];
  const token = setting.tokens.map((name) => source.get(name)).find((v) => v !== undefined);
  if (token === undefined) {
    throw new OpsctlError({
      code: `${which.toUpperCase()}_TOKEN_MISSING`,
      kind: 'user',
      message: `No ${setting.api} token: opsctl.yaml declares ${setting.api} targets and neither ${setting.tokens.join(' nor ')} is set.`,
      hint:
        which === 'github'
          ? 'Set OPSCTL_GITHUB_TOKEN to a token with the Secrets and Variables repository permissions (write) and Environments (read); the Actions GITHUB_TOKEN cannot write secrets.'
          : 'Set OPSCTL_VERCEL_TOKEN or VERCEL_TOKEN to a Vercel access token scoped to the team of the project.',
    });
  }
  redactor.add(token.value);
  const variable = setting.urls.find((name) => source.get(name) !== undefined);
  const raw = variable === undefined ? undefined : source.get(variable)?.value;
  const url =
    variable === undefined || raw === undefined
      ? setting.defaultUrl
      : checkedApiUrl(setting.api, variable, raw, setting.defaultUrl).href;
  return new JsonApi({
    api: setting.api,
    baseUrl: url,
    headers: setting.headers(token.value),
    signal,
  });
}
