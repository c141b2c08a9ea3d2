import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OpsctlError } from '../../../src/errors/opsctl-error.js';
import { logs } from '../../../src/services/logs.js';
import { makeTempDir } from '../../support/temp-dir.js';
import {
  ACTIVE_JSON,
  dayTwoContext,
  SECRET_VALUE,
  writeDayTwoConfig,
} from './support/day-two-fixture.js';

const READ_ACTIVE = ['sh', '-c', 'if [ -f "$1" ]; then cat "$1"; fi'];
let temp: { path: string; remove: () => Promise<void> };
let config: string;
beforeEach(async () => {
  temp = await makeTempDir('opsctl-logs-');
  config = await writeDayTwoConfig(temp.path);
});
afterEach(async () => {
  await temp.remove();
});

describe('opsctl logs', () => {
  it('reads the live container’s last lines on every droplet, prefixed, with the secret masked', async () => {
    const f = dayTwoContext(config);
    for (const d of Object.values(f.droplets)) {
      d.on(READ_ACTIVE, { stdout: ACTIVE_JSON });
      d.on(['docker', 'logs'], { stdout: `boot ${SECRET_VALUE}\nready\n`, stderr: 'slow\n' });
    }
    const result = await logs(f.ctx, { follow: false });
    expect(result.droplets.map((d) => [d.droplet, d.container])).toEqual([
      ['web-2', 'opsctl-api-blue'],
      ['web-1', 'opsctl-api-blue'],
    ]);
    expect(f.droplets['web-2'].lines()).toEqual([
      `sh -c 'if [ -f "$1" ]; then cat "$1"; fi' sh /var/lib/opsctl/api/active.json`,
      'docker logs --tail 100 opsctl-api-blue',
    ]);
    expect(f.stdout.text).toContain(`web-2 | boot [redacted]\nweb-2 | ready\n`);
    expect(f.stdout.text).toContain('web-2 | slow\n');
    expect(f.stdout.text).not.toContain(SECRET_VALUE);
  });

  it('masks a secret that a stream hands over in two pieces', async () => {
    const f = dayTwoContext(config, {});
    const d = f.droplets['web-1'];
    d.on(READ_ACTIVE, { stdout: ACTIVE_JSON });
    const cut = 7;
    // A custom executor reply: two chunks, the secret cut between them.
    d.run = (command, options) => {
      if (command.argv[0] === 'docker') {
        options?.onOutput?.('stdout', `token=${SECRET_VALUE.slice(0, cut)}`);
        options?.onOutput?.('stdout', `${SECRET_VALUE.slice(cut)} end\n`);
        return Promise.resolve({ exitCode: 0, stdout: '', stderr: '' });
      }
      return Promise.resolve({ exitCode: 0, stdout: ACTIVE_JSON, stderr: '' });
    };
    await logs(f.ctx, { follow: false, droplet: 'web-1' });
    expect(f.stdout.text).toBe('web-1 | token=[redacted] end\n');
  });

  it('passes --since as seconds or an ISO time and drops the default tail; --follow is asked of docker', async () => {
    const f = dayTwoContext(config);
    f.droplets['web-1'].on(READ_ACTIVE, { stdout: ACTIVE_JSON });
    await logs(f.ctx, { follow: true, droplet: 'web-1', since: '10m' });
    await logs(f.ctx, { follow: false, droplet: 'web-1', since: '2026-12-08T01:00:00Z', tail: 5 });
    expect(f.droplets['web-1'].lines().filter((l) => l.startsWith('docker'))).toEqual([
      'docker logs --since 600s --follow opsctl-api-blue',
      'docker logs --tail 5 --since 2026-12-08T01:00:00.000Z opsctl-api-blue',
    ]);
    expect(f.droplets['web-2'].calls).toEqual([]);
  });

  it('refuses an unknown droplet, naming the droplets, before running anything', async () => {
    const f = dayTwoContext(config);
    const error = await logs(f.ctx, { follow: false, droplet: 'web-9' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpsctlError);
    expect((error as OpsctlError).code).toBe('DROPLET_UNKNOWN');
    expect((error as OpsctlError).hint).toContain('web-2, web-1');
    expect([...f.droplets['web-1'].calls, ...f.droplets['web-2'].calls]).toEqual([]);
  });

  it('refuses a malformed --since and --follow with --json before running anything', async () => {
    const f = dayTwoContext(config);
    await expect(logs(f.ctx, { follow: false, since: 'yesterday' })).rejects.toThrow(
      /--since "yesterday" is neither a duration nor a time/,
    );
    const json = dayTwoContext(config, { json: true });
    await expect(logs(json.ctx, { follow: true })).rejects.toThrow(/--follow streams lines/);
    expect([...f.droplets['web-1'].calls, ...json.droplets['web-1'].calls]).toEqual([]);
  });

  it('says so on a droplet where nothing is deployed, and reads no logs there', async () => {
    const f = dayTwoContext(config, { json: true });
    f.droplets['web-1'].on(READ_ACTIVE, { stdout: ACTIVE_JSON });
    f.droplets['web-1'].on(['docker', 'logs'], { stdout: 'one\n' });
    const result = await logs(f.ctx, { follow: false });
    expect(result.droplets).toEqual([
      { droplet: 'web-2', container: undefined, lines: [] },
      {
        droplet: 'web-1',
        container: 'opsctl-api-blue',
        lines: [{ stream: 'stdout', text: 'one' }],
      },
    ]);
    expect(f.droplets['web-2'].lines().some((l) => l.startsWith('docker'))).toBe(false);
    expect(f.stderr.text).toContain('web-2: nothing is deployed there yet');
  });

  it('ends a follow without an error when it is cancelled', async () => {
    const f = dayTwoContext(config);
    const d = f.droplets['web-1'];
    d.run = (command, options) => {
      if (command.argv[0] !== 'docker')
        return Promise.resolve({ exitCode: 0, stdout: ACTIVE_JSON, stderr: '' });
      return new Promise((_resolve, reject) => {
        options?.signal?.addEventListener('abort', () => {
          reject(new OpsctlError({ code: 'CANCELLED', kind: 'cancelled', message: 'stopped' }));
        });
        options?.onOutput?.('stdout', 'first\n');
        f.abort.abort();
      });
    };
    const result = await logs(f.ctx, { follow: true, droplet: 'web-1' });
    expect(result.droplets).toEqual([]);
    expect(f.stdout.text).toBe('web-1 | first\n');
  });
});
