import { z } from 'zod';
import { tcpPort } from './primitives.js';

const staticDropletSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, 'droplet names use letters, digits, "." and "-"')
    .describe('Name used in messages and the release log.'),
  host: z.string().min(1).describe('Host name or IP address to reach over SSH.'),
  sshPort: tcpPort.optional().describe('SSH port of this droplet, if not `ssh.port`.'),
});

export type StaticDroplet = z.output<typeof staticDropletSchema>;

/** Which droplets an environment runs on, after validation. */
export type DropletSelector =
  | { readonly kind: 'static'; readonly droplets: readonly StaticDroplet[] }
  | { readonly kind: 'tag'; readonly tag: string };

export const dropletsSchema = z
  .strictObject({
    static: z.array(staticDropletSchema).min(1).optional().describe('A fixed list of droplets.'),
    tag: z
      .string()
      .regex(/^[A-Za-z0-9:_-]{1,255}$/, 'expected a DigitalOcean tag such as api-staging')
      .optional()
      .describe('Every droplet with this DigitalOcean tag (looked up through the API).'),
  })
  .superRefine((value, ctx) => {
    if ((value.static === undefined) === (value.tag === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'set exactly one of "static" or "tag"' });
    }
    const seen = new Set<string>();
    value.static?.forEach((droplet, index) => {
      if (seen.has(droplet.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['static', index, 'name'],
          message: `droplet name "${droplet.name}" is used twice`,
        });
      }
      seen.add(droplet.name);
    });
  })
  .transform((value): DropletSelector =>
    value.static !== undefined
      ? { kind: 'static', droplets: value.static }
      : { kind: 'tag', tag: value.tag ?? '' },
  )
  .describe('Droplets of the environment: set exactly one of `static` or `tag`.');
