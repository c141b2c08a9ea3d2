import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCommandContext } from '../../../../src/context/create-command-context.js';
import type { CommandContext } from '../../../../src/context/command-context.js';
import { Redactor } from '../../../../src/secrets/redactor.js';
import { makeTempDir } from '../../../support/temp-dir.js';
import { TextCapture } from '../../../support/text-capture.js';
import { FINGERPRINT_KEY, GITHUB_TOKEN, TEAM, VERCEL_TOKEN, type Apis } from './apis.js';

/** A project whose staging secrets go to GitHub and Vercel only (no droplets needed). */
export const CONFIG = `project: shop
registry:
  url: registry.example.com:5000/team
github:
  repository: acme/shop
services:
  api:
    dockerfile: Dockerfile
environments:
  staging:
    droplets:
      static:
        - { name: web-1, host: 10.0.0.5 }
    ssh:
      key: keys/deploy
    secrets:
      - { name: DATABASE_URL, targets: [github, { github: { environment: staging } }] }
      - name: WEB_TOKEN
        rotateEvery: 30d
        targets:
          - vercel: { project: web, teamId: ${TEAM}, targets: [production, preview] }
`;

export interface Run {
  readonly ctx: CommandContext;
  readonly stdout: TextCapture;
  readonly stderr: TextCapture;
  /** `::add-mask::` lines the run printed (it runs as under GitHub Actions). */
  readonly masks: string[];
}

export interface Project {
  readonly dir: string;
  /** A command context for one run, as the base command builds it, against the stand-ins. */
  run(options?: { env?: Record<string, string>; dryRun?: boolean; json?: boolean }): Run;
  remove(): Promise<void>;
}

export async function secretsProject(apis: Apis, values: string): Promise<Project> {
  const temp = await makeTempDir('opsctl-secrets-');
  await writeFile(join(temp.path, 'opsctl.yaml'), CONFIG);
  await writeFile(join(temp.path, '.env.staging'), values);
  return {
    dir: temp.path,
    run(options = {}) {
      const stdout = new TextCapture();
      const stderr = new TextCapture();
      const masks: string[] = [];
      const ctx = createCommandContext({
        cwd: temp.path,
        env: {
          OPSCTL_GITHUB_API_URL: apis.github.url,
          OPSCTL_GITHUB_TOKEN: GITHUB_TOKEN,
          // What GitHub Actions sets: the OPSCTL_ setting above must win over it.
          GITHUB_API_URL: 'http://127.0.0.1:1',
          OPSCTL_VERCEL_API_URL: apis.vercel.url,
          OPSCTL_VERCEL_TOKEN: VERCEL_TOKEN,
          OPSCTL_FINGERPRINT_KEY: FINGERPRINT_KEY,
          ...options.env,
        },
        stdout,
        stderr,
        dryRun: options.dryRun ?? false,
        json: options.json ?? false,
        verbose: true,
        environmentArgument: 'staging',
        redactor: new Redactor({ githubMaskSink: { write: (t: string) => masks.push(t) } }),
      });
      return { ctx, stdout, stderr, masks };
    },
    remove: temp.remove,
  };
}
