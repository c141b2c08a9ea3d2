import { z } from 'zod';

export const githubSchema = z
  .strictObject({
    repository: z
      .string()
      .regex(
        /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/,
        'expected owner/name, e.g. acme/shop',
      )
      .describe('The repository whose Actions secrets opsctl manages, as owner/name.'),
  })
  .describe(
    'GitHub, for secrets with a `github` target. Token: OPSCTL_GITHUB_TOKEN or GITHUB_TOKEN; API: OPSCTL_GITHUB_API_URL or GITHUB_API_URL.',
  );
