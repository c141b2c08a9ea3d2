import { z } from 'zod';
import { deploySchema } from './deploy.js';
import { dropletsSchema } from './droplets.js';
import { githubSchema } from './github.js';
import { localPath, tcpPort } from './primitives.js';
import { registrySchema } from './registry.js';
import { secretsSchema } from './secrets.js';

const sshSchema = z
  .strictObject({
    user: z
      .string()
      .regex(/^[a-z_][a-z0-9_-]*$/, 'expected a Unix user name such as deploy')
      .default('deploy')
      .describe('User opsctl logs in as.'),
    port: tcpPort.default(22).describe('SSH port, unless a droplet sets `sshPort`.'),
    key: localPath.describe('Private key file (key authentication only).'),
    knownHosts: localPath
      .default('~/.ssh/known_hosts')
      .describe('OpenSSH known_hosts file; every droplet host key must be listed in it.'),
  })
  .describe('How to reach the droplets over SSH.');

const loadBalancerSchema = z
  .strictObject({
    url: z
      .url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' })
      .optional()
      .describe('Public URL of the load balancer, used by smoke tests.'),
    digitalocean: z
      .string()
      .min(1)
      .optional()
      .describe('DigitalOcean load balancer ID, for health checks through the API.'),
  })
  .describe('The load balancer in front of the droplets.');

export const environmentSchema = z
  .strictObject({
    droplets: dropletsSchema,
    ssh: sshSchema,
    registry: registrySchema
      .optional()
      .describe('Registry for this environment; overrides the top-level `registry`.'),
    loadBalancer: loadBalancerSchema.optional(),
    deploy: deploySchema.prefault({}),
    secrets: secretsSchema.default([]),
    github: githubSchema
      .optional()
      .describe('GitHub repository for this environment; overrides the top-level `github`.'),
    envFile: z
      .string()
      .regex(
        /^\/etc\/opsctl\/env\/[A-Za-z0-9._{}-]+$/,
        'expected a file in /etc/opsctl/env/ (the root-only directory opsctl-env writes), e.g. /etc/opsctl/env/{service}.env',
      )
      .default('/etc/opsctl/env/{service}.env')
      .describe(
        'Runtime env file on the droplets, in /etc/opsctl/env/; `{service}` is replaced by the service name.',
      ),
  })
  .describe('A place services are deployed to.');
