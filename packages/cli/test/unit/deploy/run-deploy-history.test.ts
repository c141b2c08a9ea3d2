import { describe, expect, it } from 'vitest';
import { runDeploy } from '../../../src/deploy/run-deploy.js';
import { OpsctlError } from '../../../src/errors/opsctl-error.js';
import { Redactor } from '../../../src/secrets/redactor.js';
import { droplet, settings, target } from './support/scripted-droplet.js';

const APPEND = ['sh', '-c', 'set -e; mkdir -p "$(dirname "$1")"; cat >>"$1"'];

describe('the release history written after a deploy', () => {
  it('is retried, and a droplet where it still fails ends the run as a partial success saying where', async () => {
    const full = droplet('running healthy', 'droplet-2').on(APPEND, {
      exitCode: 1,
      stderr: 'No space left on device',
    });
    const flaky = droplet('running healthy', 'droplet-3').on(
      APPEND,
      { exitCode: 1, stderr: 'Connection reset' },
      { times: 1 },
    );
    const fine = droplet('running healthy', 'droplet-1');
    const error = await runDeploy({
      environment: 'staging',
      kind: 'deploy',
      target,
      droplets: [fine, full, flaky].map((exec) => ({ name: exec.target, exec })),
      settings,
      preDeploy: undefined,
      parallelism: 5,
      smoke: { baseUrl: undefined, paths: [], versionPath: undefined, routeTimeoutMs: 0 },
      autoRollback: true,
      actor: 'alice',
      ciRunUrl: undefined,
      report: () => undefined,
      redact: (text) => text,
      signal: undefined,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OpsctlError);
    const partial = error as OpsctlError;
    expect(partial.code).toBe('RELEASE_HISTORY_INCOMPLETE');
    expect(partial.exitCode).toBe(4);
    expect(partial.message).toContain('Deployed abcdef123456 on every droplet.');
    expect(partial.message).toContain('could not be written on droplet-2');
    expect(partial.message).toContain('it was recorded on droplet-1, droplet-3.');
    const appends = (exec: typeof full) =>
      exec.calls.filter((c) => c.command.description?.startsWith('append to') === true).length;
    expect(appends(full)).toBe(3);
    expect(appends(flaky)).toBe(2);
    expect(appends(fine)).toBe(1);
  }, 60_000);

  it('goes through the redactor: a droplet error quoting a secret is recorded masked', async () => {
    // The history keeps the error's first line, which names the failed command; a registered
    // value in it (here the slot's container name, standing in for a secret the command quoted)
    // must be masked there as everywhere else.
    const redactor = new Redactor();
    redactor.add('opsctl-api-green');
    const failing = droplet('running healthy').on(
      ['sudo', '-n', '/usr/local/sbin/opsctl-env', 'run'],
      {
        exitCode: 125,
        stderr: 'no such image',
      },
    );
    await runDeploy({
      environment: 'staging',
      kind: 'deploy',
      target,
      droplets: [{ name: failing.target, exec: failing }],
      settings,
      preDeploy: undefined,
      parallelism: 1,
      smoke: { baseUrl: undefined, paths: [], versionPath: undefined, routeTimeoutMs: 0 },
      autoRollback: true,
      actor: 'alice',
      ciRunUrl: undefined,
      report: () => undefined,
      redact: (text) => redactor.redact(text),
      signal: undefined,
    }).catch(() => undefined);
    const written = failing.calls
      .filter((c) => c.command.description?.startsWith('append to') === true)
      .map((c) => String(c.command.stdin));
    expect(written).toHaveLength(1);
    expect(written[0]).toContain('"outcome":"failed"');
    expect(written[0]).toContain('[redacted]');
    expect(written[0]).toContain('"error":"start [redacted] from');
    expect(written[0]).not.toContain('opsctl-api-green');
  }, 60_000);

  it('masks the env file’s audit note: who deploys comes from the environment unchecked', async () => {
    const redactor = new Redactor();
    redactor.add('alice@laptop');
    const host = droplet('running healthy');
    await runDeploy({
      environment: 'staging',
      kind: 'deploy',
      target,
      droplets: [{ name: host.target, exec: host }],
      settings,
      preDeploy: undefined,
      parallelism: 1,
      smoke: { baseUrl: undefined, paths: [], versionPath: undefined, routeTimeoutMs: 0 },
      autoRollback: true,
      actor: 'alice',
      ciRunUrl: undefined,
      report: () => undefined,
      redact: (text) => redactor.redact(text),
      signal: undefined,
    }).catch(() => undefined);
    const notes = host.calls
      .map((c) => c.command.argv)
      .filter((argv) => argv.includes('write'))
      .map((argv) => argv.at(-1));
    expect(notes).toEqual(['deploy abc by [redacted]']);
  }, 60_000);
});
