import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DROPLET_CONTAINERS, onDroplet } from './support/droplets.js';
import { tempProject, type TempProject } from './support/temp-project.js';

/** Values that break naive env files: each must reach the droplet byte for byte. */
const AWKWARD: Record<string, string> = {
  PROBE_NEWLINES: 'line one\nline two\n\nafter a blank line',
  PROBE_QUOTES: `it's "double" and 'single' and \`back\``,
  PROBE_DOLLARS: '$HOME ${PATH} $(id) $$ \\$',
  PROBE_EQUALS: 'a=b==c=',
  PROBE_UNICODE: 'pässwörd-ключ-密码-🔑',
};

/** The .env form of a value: double quotes with the escapes opsctl's reader understands. */
const dotenv = (value: string): string =>
  `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('$', '\\$').replaceAll('\n', '\\n')}"`;

let project: TempProject;
beforeAll(async () => {
  project = await tempProject(`services:
  probe:
    dockerfile: {root}infrastructure/docker/api/Dockerfile
    context: {root}
environments:
  local:
    LOCAL_ENVIRONMENT
    secrets:
${Object.keys(AWKWARD)
  .map((name) => `      - { name: ${name}, targets: [droplets] }`)
  .join('\n')}`);
});
afterAll(async () => {
  for (const container of DROPLET_CONTAINERS) {
    await onDroplet(
      container,
      'rm -f /etc/opsctl/env/probe.env /etc/opsctl/env/probe.env.fingerprints',
    );
  }
  await project.remove();
});

describe('values synced to a droplet env file', () => {
  it('survive newlines, quotes, $, = and non-ASCII exactly, read from stdin', async () => {
    const input = Object.entries(AWKWARD)
      .map(([name, value]) => `${name}=${dotenv(value)}`)
      .join('\n');
    const run = await project.run(['secrets', 'sync', 'local', '--stdin'], {}, `${input}\n`);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain('local: 10 created, 0 updated, 0 unchanged, 0 failed.');
    for (const container of DROPLET_CONTAINERS) {
      for (const [name, value] of Object.entries(AWKWARD)) {
        // The way a deploy hands them to `docker run`: the file sourced by sh.
        const got = await onDroplet(
          container,
          `set -a; . /etc/opsctl/env/probe.env; set +a; printf %s "$${name}"`,
        );
        expect(got, `${container} ${name}`).toBe(value);
      }
    }
    for (const value of Object.values(AWKWARD).filter((v) => v.length > 8)) {
      expect(run.stdout + run.stderr).not.toContain(value);
    }
  });
});
