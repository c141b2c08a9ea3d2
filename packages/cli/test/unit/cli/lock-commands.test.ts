import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import LockRelease from '../../../src/commands/lock/release.js';
import LockStatus from '../../../src/commands/lock/status.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { writeLockConfig } from '../droplet/support/lock-fixture.js';
import { PACKAGE_DIR } from './run-cli.js';

// The commands run in-process: argument errors are refused before any droplet is contacted (the
// configured droplets are closed loopback ports, so a command that went on would fail).
let temp: { path: string; remove: () => Promise<void> };
let config: string;
let stdout: string[];

beforeEach(async () => {
  vi.stubEnv('GITHUB_ACTIONS', undefined);
  vi.stubEnv('OPSCTL_ENV', undefined);
  temp = await makeTempDir('opsctl-lock-cli-');
  config = await writeLockConfig(temp.path);
  stdout = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});

afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  process.exitCode = undefined;
  await temp.remove();
});

const envelope = (): { status: number; error?: { code: string; message: string; hint: string } } =>
  JSON.parse(stdout.join('')) as {
    status: number;
    error?: { code: string; message: string; hint: string };
  };

describe('opsctl lock status and lock release arguments', () => {
  const commands: readonly [string, (argv: string[]) => Promise<unknown>][] = [
    ['lock status', (argv) => LockStatus.run(argv, PACKAGE_DIR)],
    ['lock release', (argv) => LockRelease.run(argv, PACKAGE_DIR)],
  ];
  for (const [name, run] of commands) {
    it(`${name}: an unknown environment exits 2 listing the known ones`, async () => {
      await run(['nowhere', '--config', config, '--json']);
      expect(process.exitCode).toBe(2);
      const { status, error } = envelope();
      expect(status).toBe(2);
      expect(error?.code).toBe('ENVIRONMENT_UNKNOWN');
      expect(error?.message).toContain('"nowhere"');
      expect(error?.hint).toBe('Use one of: staging, production.');
    });
  }

  it('lock release: a second environment exits 2 as a usage error (one environment per release)', async () => {
    await LockRelease.run(['staging', 'production', '--config', config, '--json'], PACKAGE_DIR);
    expect(process.exitCode).toBe(2);
    expect(envelope().error?.code).toBe('USAGE');
    expect(envelope().error?.message).toContain('production');
  });

  it('lock release: an unknown flag exits 2 as a usage error', async () => {
    await LockRelease.run(['staging', '--forse', '--config', config, '--json'], PACKAGE_DIR);
    expect(process.exitCode).toBe(2);
    expect(envelope().error?.code).toBe('USAGE');
  });

  it('lock status: no environment given and no default exits 2 listing the known ones', async () => {
    await LockStatus.run(['--config', config, '--json'], PACKAGE_DIR);
    expect(process.exitCode).toBe(2);
    expect(envelope().error?.code).toBe('ENVIRONMENT_NOT_SET');
    expect(envelope().error?.hint).toContain('(staging, production)');
  });
});
