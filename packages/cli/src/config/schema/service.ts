import { z } from 'zod';
import { envVarName, localPath, tcpPort, urlPath } from './primitives.js';
import { reservedEnvName, reservedEnvNamesList } from './reserved-env-names.js';

export const serviceSchema = z
  .strictObject({
    dockerfile: localPath.describe('Path to the Dockerfile, relative to opsctl.yaml.'),
    context: localPath.default('.').describe('Docker build context, relative to opsctl.yaml.'),
    port: tcpPort.default(3000).describe('Port the container listens on.'),
    healthPath: urlPath
      .default('/health')
      .describe('HTTP path that answers 200 when the container is ready for traffic.'),
    preDeploy: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .meta({
        description:
          'Command (argv) run once in a container of the new image before traffic moves, e.g. migrations.',
        examples: [['node', 'dist/migrate.js']],
      }),
    buildArgs: z
      .record(envVarName, z.string())
      .default({})
      .describe('Docker build arguments (not secret: they are visible in the image history).'),
    env: z
      .record(envVarName, z.string())
      .superRefine((env, ctx) => {
        for (const name of Object.keys(env)) {
          const reason = reservedEnvName(name);
          if (reason !== undefined) ctx.addIssue({ code: 'custom', path: [name], message: reason });
        }
      })
      .default({})
      .describe(
        `Non-secret runtime environment variables. Secrets go in \`environments.*.secrets\`. Names that change how processes start or where Docker connects are refused, each with its path: ${reservedEnvNamesList()}.`,
      ),
  })
  .describe('A service built into one image and run on every droplet of an environment.');
