import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OpsctlError } from '../../../src/errors/opsctl-error.js';
import { execOneOff } from '../../../src/services/exec.js';
import { makeTempDir } from '../../support/temp-dir.js';
import {
  ACTIVE_JSON,
  dayTwoContext,
  IMAGE,
  SECRET_VALUE,
  SHA,
  writeDayTwoConfig,
} from './support/day-two-fixture.js';

const READ_ACTIVE = ['sh', '-c', 'if [ -f "$1" ]; then cat "$1"; fi'];
const HELPER = ['sudo', '-n', '/usr/local/sbin/opsctl-env'];
const HEADER = '# Managed by opsctl\n# opsctl-names: API_TOKEN PLAIN\n--- fingerprints\n';
let temp: { path: string; remove: () => Promise<void> };
let config: string;
beforeEach(async () => {
  temp = await makeTempDir('opsctl-exec-');
  config = await writeDayTwoConfig(temp.path);
});
afterEach(async () => {
  await temp.remove();
});

const deployed = (f: ReturnType<typeof dayTwoContext>, name: 'web-1' | 'web-2') =>
  f.droplets[name]
    .on(READ_ACTIVE, { stdout: ACTIVE_JSON })
    .on([...HELPER, 'header'], { stdout: HEADER });

describe('opsctl exec', () => {
  it('runs the command in a one-off container of the live image with the env file’s names, on the first droplet by name', async () => {
    const f = dayTwoContext(config);
    deployed(f, 'web-1').on([...HELPER, 'run'], {
      stdout: `token ${SECRET_VALUE}\n`,
      stderr: 'careful\n',
    });
    const result = await execOneOff(f.ctx, { argv: ['node', '-e', "console.log('it''s')"] });
    expect(f.droplets['web-2'].calls).toEqual([]);
    const run = f.droplets['web-1'].lines().at(-1) ?? '';
    expect(run).toMatch(
      new RegExp(
        `^sudo -n /usr/local/sbin/opsctl-env run api\\.env docker run --rm --name (opsctl-api-exec-[0-9a-f]{8}) --label opsctl\\.one-off=api --env API_TOKEN --env PLAIN ${IMAGE.replaceAll('.', '\\.')} node -e 'console\\.log\\('\\\\''it'\\\\'''\\\\''s'\\\\''\\)'$`,
      ),
    );
    expect(result).toMatchObject({ droplet: 'web-1', image: IMAGE, sha: SHA, exitCode: 0 });
    expect(run).toContain(result.container);
    expect(f.stdout.text).toBe('token [redacted]\n');
    expect(f.stderr.text).toContain('careful');
  });

  it('hands the command’s exit code back and asks for a terminal with --interactive --tty', async () => {
    const f = dayTwoContext(config);
    deployed(f, 'web-2').on([...HELPER, 'run'], { exitCode: 7 });
    const terminal = {
      input: process.stdin,
      output: process.stdout,
      rows: 24,
      columns: 80,
      term: 'xterm',
    };
    const result = await execOneOff(f.ctx, { argv: ['sh'], droplet: 'web-2', terminal });
    expect(result.exitCode).toBe(7);
    expect(f.droplets['web-2'].lines().at(-1)).toMatch(
      / --label opsctl\.one-off=api --interactive --tty --env API_TOKEN /,
    );
    expect(f.droplets['web-2'].calls.at(-1)?.options.terminal).toBe(terminal);
  });

  it('refuses an empty command and an unknown droplet before running anything', async () => {
    const f = dayTwoContext(config);
    await expect(execOneOff(f.ctx, { argv: [] })).rejects.toThrow(/No command to run/);
    const error = await execOneOff(f.ctx, { argv: ['true'], droplet: 'db-1' }).catch(
      (e: unknown) => e,
    );
    expect((error as OpsctlError).code).toBe('DROPLET_UNKNOWN');
    expect([...f.droplets['web-1'].calls, ...f.droplets['web-2'].calls]).toEqual([]);
  });

  it('refuses a droplet where nothing is deployed', async () => {
    const f = dayTwoContext(config);
    const error = await execOneOff(f.ctx, { argv: ['true'] }).catch((e: unknown) => e);
    expect((error as OpsctlError).code).toBe('NOTHING_DEPLOYED');
    expect(f.droplets['web-1'].lines().some((l) => l.includes('docker run'))).toBe(false);
  });

  it('removes the container by its name when the run is cancelled', async () => {
    const f = dayTwoContext(config);
    deployed(f, 'web-1').on([...HELPER, 'run'], () => {
      f.abort.abort();
      throw new OpsctlError({ code: 'CANCELLED', kind: 'cancelled', message: 'stopped' });
    });
    await expect(execOneOff(f.ctx, { argv: ['sleep', '60'] })).rejects.toThrow('stopped');
    const lines = f.droplets['web-1'].lines();
    const name = /--name (\S+)/.exec(lines.at(-2) ?? '')?.[1];
    expect(lines.at(-1)).toBe(`docker rm --force ${name}`);
  });
});
