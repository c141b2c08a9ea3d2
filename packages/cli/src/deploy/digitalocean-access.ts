import type { CommandContext } from '../context/command-context.js';
import { createDigitalOceanClient, type DigitalOceanClient } from '../digitalocean/client.js';
import { DigitalOceanApiError } from '../digitalocean/api-error.js';
import { OpsctlError } from '../errors/opsctl-error.js';
import { Secret } from '../secrets/secret.js';
import { settingLookup } from '../images/settings-lookup.js';

/**
 * The DigitalOcean client for an environment: DIGITALOCEAN_TOKEN and DIGITALOCEAN_API_URL from the
 * process environment, else from `.env.<environment>` (the local environment writes its stand-in's
 * there). The token is registered with the redactor before anything can print.
 */
export function digitalOceanFor(
  ctx: CommandContext,
  environment: string,
  configDir: string,
): DigitalOceanClient {
  const lookup = settingLookup(ctx.env, configDir, environment);
  const token = lookup('DIGITALOCEAN_TOKEN');
  if (token === undefined) {
    throw new OpsctlError({
      code: 'DIGITALOCEAN_TOKEN_MISSING',
      kind: 'user',
      message: `DIGITALOCEAN_TOKEN is not set; environment ${environment} needs the DigitalOcean API.`,
      hint: `Export a DigitalOcean API token as DIGITALOCEAN_TOKEN (or put it in .env.${environment}, which is gitignored).`,
    });
  }
  ctx.redactor.add(token);
  const baseUrl = lookup('DIGITALOCEAN_API_URL');
  try {
    return createDigitalOceanClient({
      token: new Secret(token, 'DIGITALOCEAN_TOKEN'),
      ...(baseUrl === undefined ? {} : { baseUrl }),
      log: (line) => {
        ctx.logger.debug(line);
      },
    });
  } catch (error) {
    throw fromApiError(error);
  }
}

/** A DigitalOcean API failure as opsctl's external error, keeping the API's own hint. */
export function fromApiError(error: unknown): unknown {
  if (!(error instanceof DigitalOceanApiError)) return error;
  return new OpsctlError({
    code: 'DIGITALOCEAN_API_ERROR',
    kind: error.status === 401 || error.status === 0 ? 'user' : 'external',
    message: error.message,
    hint: error.hint,
    details: { status: error.status, id: error.id },
    cause: error,
  });
}
