import { z } from 'zod';
import { duration, tcpPort, urlPath } from './primitives.js';

const slotsSchema = z
  .strictObject({
    blue: tcpPort.default(3001).describe('Host port (on 127.0.0.1) of the blue slot.'),
    green: tcpPort.default(3002).describe('Host port (on 127.0.0.1) of the green slot.'),
  })
  .refine((slots) => slots.blue !== slots.green, {
    error: 'blue and green need different ports',
    path: ['green'],
  })
  .describe('The two host ports new and old containers alternate between.');

const smokeSchema = z
  .strictObject({
    paths: z
      .array(urlPath)
      .default(['/health'])
      .describe('Paths requested through the load balancer after a deploy; each must answer 2xx.'),
    versionPath: urlPath.optional().meta({
      description: 'Path whose body must contain the deployed commit SHA.',
      examples: ['/version'],
    }),
    routeTimeout: duration
      .prefault('90s')
      .describe(
        'How long the smoke test waits for the load balancer to route to a droplet at all (its health checks must pass first, e.g. on a first deploy): a 503 or no answer is retried until then, other answers are judged at once.',
      ),
  })
  .describe('Smoke tests after the switch.');

const pruneSchema = z
  .strictObject({
    enabled: z.boolean().default(true).describe('Remove old images from droplets after a deploy.'),
    keep: z.int().min(1).default(5).describe('How many recent images per service to keep.'),
  })
  .describe('Image retention on droplets.');

export const deploySchema = z
  .strictObject({
    parallelism: z.int().min(1).default(2).describe('How many droplets are updated at once.'),
    healthTimeout: duration
      .prefault('60s')
      .describe('How long a new container may take to become healthy.'),
    healthInterval: duration.prefault('1s').describe('Pause between health checks.'),
    drainTimeout: duration
      .prefault('30s')
      .describe('How long the old container keeps serving in-flight requests after the switch.'),
    warmWindow: z
      .union([z.literal(0), duration], {
        error: 'expected 0 (off) or a duration such as 500ms, 30s, 5m or 1h',
      })
      .prefault('10m')
      .describe(
        "How long the previous release keeps running, out of rotation, after a deploy or rollback, so that a rollback within it is an nginx switch (no pull, no start). It costs that container's memory on every droplet meanwhile (opsctl status shows it). 0 or 0s turns it off: the old slot is drained and stopped as soon as the switch is done.",
      ),
    slots: slotsSchema.prefault({}),
    smoke: smokeSchema.prefault({}),
    autoRollback: z
      .boolean()
      .default(true)
      .describe('Return to the previous release when the deploy fails after the switch.'),
    lockTtl: duration
      .prefault('15m')
      .describe(
        'A lock not renewed for this long is abandoned (a holder renews it every lockTtl / 3).',
      ),
    prune: pruneSchema.prefault({}),
  })
  .describe('How deploys run. Durations are strings such as 500ms, 30s, 5m.');
