import { z } from 'zod';
import { envVarName, localPath } from './primitives.js';

export const DO_REGISTRY_HOST = 'registry.digitalocean.com';

/** Where images are pushed and pulled from, after validation. */
export type RegistryConfig =
  | {
      readonly kind: 'digitalocean';
      /** DOCR registry name. */
      readonly name: string;
      /** host[:port] to log in to. */
      readonly server: string;
      /** Image names are `<prefix>/<service>:<tag>`. */
      readonly prefix: string;
      /**
       * A CA (PEM file) trusted besides the public ones: only for a registry host other than
       * DigitalOcean's (the local environment's stand-in), see config/registry-endpoint.ts.
       */
      readonly caFile?: string | undefined;
    }
  | {
      readonly kind: 'url';
      readonly server: string;
      readonly prefix: string;
      readonly username: string | undefined;
      /** Name of the environment variable holding the registry password (never the password). */
      readonly passwordEnv: string | undefined;
      /** CA certificate (PEM) that signed the registry's TLS certificate; absolute path. */
      readonly caFile: string | undefined;
    };

export const registrySchema = z
  .strictObject({
    digitalocean: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-]{1,62}$/,
        'expected a DigitalOcean registry name such as my-registry',
      )
      .optional()
      .meta({
        description: `DigitalOcean Container Registry name; images go to ${DO_REGISTRY_HOST}/<name>.`,
        examples: ['opsctl'],
      }),
    url: z
      .string()
      .regex(
        /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?(\/[a-z0-9._-]+)*$/,
        'expected host[:port][/namespace] without a scheme, e.g. registry.example.com:5000/team',
      )
      .optional()
      .meta({
        description: 'Any other registry as host[:port][/namespace], without a scheme.',
        examples: ['registry.example.com:5000/team'],
      }),
    username: z
      .string()
      .min(1)
      .optional()
      .describe('User name for `url` registries that need a login.'),
    passwordEnv: envVarName
      .optional()
      .describe('Environment variable that holds the registry password (for `url` registries).'),
    caFile: localPath
      .optional()
      .describe(
        'PEM CA certificate that signed the registry TLS certificate, for private CAs (`url` registries).',
      ),
  })
  .superRefine((value, ctx) => {
    const chosen = [value.digitalocean, value.url].filter((v) => v !== undefined).length;
    if (chosen !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: 'set exactly one of "digitalocean" or "url"',
      });
    }
    if (value.digitalocean !== undefined) {
      for (const key of ['username', 'passwordEnv', 'caFile'] as const) {
        if (value[key] !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: 'only for "url" registries; DigitalOcean uses its API token and public TLS',
          });
        }
      }
    }
  })
  .transform((value): RegistryConfig => {
    if (value.digitalocean !== undefined) {
      const name = value.digitalocean;
      return {
        kind: 'digitalocean',
        name,
        server: DO_REGISTRY_HOST,
        prefix: `${DO_REGISTRY_HOST}/${name}`,
      };
    }
    const url = value.url ?? '';
    return {
      kind: 'url',
      server: url.split('/')[0] ?? url,
      prefix: url,
      username: value.username,
      passwordEnv: value.passwordEnv,
      caFile: value.caFile,
    };
  })
  .describe('Container registry: set exactly one of `digitalocean` or `url`.');
