import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shellLine } from '../../../src/exec/shell-quote.js';
import { waitFor } from '../../support/wait-for.js';
import { buildApiRelease, fakeSha } from '../support/api-images.js';
import { opsctl } from '../support/opsctl.js';
import { cliBin, stateDir } from '../support/paths.js';
import { DROPLET_CONTAINERS, onDroplet } from '../secrets/support/droplets.js';
import { tempProject, type TempProject } from '../secrets/support/temp-project.js';

/**
 * `opsctl logs` and `opsctl exec` against the local environment's droplets, as a user runs them.
 * The release prints a declared secret's value when it starts, so its logs on the droplets hold
 * the value: what opsctl shows of them must not.
 */

// Finding this random marker in anything opsctl printed is a leak.
const MARKER = `dt${randomBytes(6).toString('hex')}`;
const SENTINEL = `opsctl-${MARKER}-log-sentinel`;
const release = fakeSha();
let project: TempProject | undefined;

const run = (args: string[]) => {
  if (project === undefined) throw new Error('the project was not set up');
  return project.run(args);
};

/** `opsctl exec local <flags> -- <command>`: --config goes before `--`, the rest is the command's. */
const execIn = async (flags: string[], command: string[]) => {
  if (project === undefined) throw new Error('the project was not set up');
  const r = await execa(
    'node',
    [
      cliBin,
      'exec',
      'local',
      '--config',
      join(project.dir, 'opsctl.yaml'),
      ...flags,
      '--',
      ...command,
    ],
    { cwd: project.dir, reject: false, env: { CI: 'true', OPSCTL_STATE_DIR: stateDir } },
  );
  return { exitCode: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr };
};

/** Everything the droplet's Docker engine keeps of the one-off containers opsctl started. */
const oneOffContainers = async (): Promise<string> =>
  (
    await Promise.all(
      DROPLET_CONTAINERS.map((c) =>
        onDroplet(c, 'docker ps --all --filter label=opsctl.one-off --format "{{.Names}}"'),
      ),
    )
  ).join('');

beforeAll(async () => {
  project = await tempProject(
    `services:
  api:
    dockerfile: {root}infrastructure/docker/api/Dockerfile
    context: {root}
    port: 3000
    healthPath: /health
    env: { SHUTDOWN_DRAIN_DELAY_MS: '0', DAY_TWO_PLAIN: plain-visible-value }
environments:
  local:
    LOCAL_ENVIRONMENT
    secrets:
      - { name: DATABASE_URL, targets: [droplets] }
      - { name: REDIS_URL, targets: [droplets] }
      - { name: DATABASE_CA_CERT, targets: [droplets] }
      - { name: REDIS_CA_CERT, targets: [droplets] }
      - { name: LOG_SENTINEL, targets: [droplets] }`,
    `LOG_SENTINEL="${SENTINEL}"\n`,
  );
  await buildApiRelease(release, {
    command: ['sh', '-c', 'echo "boot: token=$LOG_SENTINEL"; exec node dist/main.js'],
  });
  const deploy = await run(['deploy', 'local', '--sha', release]);
  expect(deploy.exitCode, deploy.stderr).toBe(0);
});

afterAll(async () => {
  // Leave the droplets' api env file as the checkout's own configuration declares it.
  await opsctl(['secrets', 'sync', 'local', '--target', 'droplets']);
  await project?.remove();
});

describe('opsctl logs', () => {
  it('shows the live container’s lines from both droplets, prefixed, with the secret masked', async () => {
    // The value really is in the logs on the droplets: the mask is what keeps it from the screen.
    const raw = await onDroplet(
      DROPLET_CONTAINERS[0],
      'for c in $(docker ps --quiet); do docker logs "$c" 2>&1; done',
    );
    expect(raw).toContain(SENTINEL);

    const shown = await run(['logs', 'local']);
    expect(shown.exitCode, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/^droplet-1 \| boot: token=\[redacted\]$/m);
    expect(shown.stdout).toMatch(/^droplet-2 \| boot: token=\[redacted\]$/m);
    expect(`${shown.stdout}${shown.stderr}`).not.toContain(MARKER);

    const json = await run(['logs', 'local', '--droplet', 'droplet-2', '--json']);
    expect(json.exitCode, json.stderr).toBe(0);
    expect(json.stdout).not.toContain(MARKER);
    const result = (
      JSON.parse(json.stdout) as {
        result: { droplets: { droplet: string; lines: { text: string }[] }[] };
      }
    ).result;
    expect(result.droplets.map((d) => d.droplet)).toEqual(['droplet-2']);
    expect(result.droplets[0]?.lines.map((l) => l.text)).toContain('boot: token=[redacted]');
  });

  it('refuses a droplet that is not in the environment, naming those that are', async () => {
    const r = await run(['logs', 'local', '--droplet', 'droplet-9', '--json']);
    expect(r.exitCode).toBe(2);
    const envelope = JSON.parse(r.stdout) as { error: { code: string; hint: string } };
    expect(envelope.error.code).toBe('DROPLET_UNKNOWN');
    expect(envelope.error.hint).toContain('droplet-1, droplet-2');
  });

  it('--follow shows a line logged after it started, and SIGTERM stops it on the droplets too', async () => {
    if (project === undefined) throw new Error('the project was not set up');
    const follow = execa(
      'node',
      [cliBin, 'logs', 'local', '--follow', '--config', join(project.dir, 'opsctl.yaml')],
      { cwd: project.dir, reject: false, env: { CI: 'true', OPSCTL_STATE_DIR: stateDir } },
    );
    let out = '';
    follow.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    await waitFor('the existing lines of both droplets', () =>
      Promise.resolve(/^droplet-1 \| boot/m.test(out) && /^droplet-2 \| boot/m.test(out)),
    );
    // The API logs the path of every request it answers (nginx replaces a client's request id).
    const path = `/follow-${randomBytes(6).toString('hex')}`;
    // A request is logged by whichever droplet serves it: send until a line shows up.
    await waitFor(
      'the new request in the followed logs',
      async () => {
        await fetch(`http://127.0.0.1:8080${path}`).catch(() => undefined);
        return out.includes(path);
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(out).toMatch(new RegExp(`^droplet-\\d \\| .*${path}`, 'm'));
    follow.kill('SIGTERM');
    const ended = await follow;
    expect(ended.exitCode, ended.stderr).toBe(0);
    expect(out).not.toContain(MARKER);
    // No `docker logs` is left running on either droplet ([d] keeps pgrep from finding itself).
    for (const c of DROPLET_CONTAINERS) {
      await waitFor(
        `docker logs to stop on ${c}`,
        async () => (await onDroplet(c, 'pgrep -f "[d]ocker logs" || true')) === '',
      );
    }
    const local = await execa('pgrep', ['-f', `[d]ocker logs.*opsctl-api`], { reject: false });
    expect(local.stdout).toBe('');
  });
});

describe('opsctl exec', () => {
  it('runs a command in the release image with the service’s env file, masked', async () => {
    const r = await execIn(
      [],
      [
        'node',
        '-e',
        'console.log("plain=" + process.env.DAY_TWO_PLAIN); console.log("secret=" + process.env.LOG_SENTINEL); console.log("sha=" + process.env.APP_GIT_SHA)',
      ],
    );
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('plain=plain-visible-value');
    expect(r.stdout).toContain('secret=[redacted]');
    expect(r.stdout).toContain(`sha=${release}`);
    expect(`${r.stdout}${r.stderr}`).not.toContain(MARKER);
    expect(await oneOffContainers()).toBe('');
  });

  it('exits with the command’s exit code and removes the container', async () => {
    const r = await execIn(['--droplet', 'droplet-2'], ['node', '-e', 'process.exit(7)']);
    expect(r.exitCode).toBe(7);
    expect(await oneOffContainers()).toBe('');
  });

  it('--tty hands the command a terminal and what is typed in it', async () => {
    if (project === undefined) throw new Error('the project was not set up');
    // `script` gives opsctl a pseudo-terminal of its own and types the input into it.
    const opsctlLine = shellLine(
      [
        'node',
        cliBin,
        'exec',
        'local',
        '--config',
        join(project.dir, 'opsctl.yaml'),
        '--tty',
        '--',
        'sh',
        '-c',
        'test -t 0 && test -t 1 && echo is-a-tty; read line; echo "got-$line"',
      ],
      'redact',
    );
    const r = await execa('script', ['--quiet', '--return', '--command', opsctlLine, '/dev/null'], {
      cwd: project.dir,
      input: 'typed-words\n',
      reject: false,
      env: { CI: 'true', OPSCTL_STATE_DIR: stateDir },
    });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.stdout).toContain('is-a-tty');
    expect(r.stdout).toContain('got-typed-words');
    expect(await oneOffContainers()).toBe('');
  });

  it('refuses an empty command before connecting anywhere', async () => {
    const r = await execIn([], []);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('No command to run');
  });
});
