import { describe, expect, it } from 'vitest';
import { retireOldSlot, switchHost } from '../../../src/deploy/host-switch.js';
import { switchToWarm } from '../../../src/deploy/warm-switch.js';
import { readWarm } from '../../../src/droplet/releases/warm-slot.js';
import { OpsctlError } from '../../../src/errors/opsctl-error.js';
import { RecordingExecutor } from '../../../src/exec/recording-executor.js';
import { droplet, settings, SHA, target } from './support/scripted-droplet.js';

const WARM_FILE = '/var/lib/opsctl/api/warm.json';
const warmRun = (exec: RecordingExecutor, warmWindowMs = 600_000) => ({
  exec,
  settings: { ...settings, warmWindowMs },
  report: () => undefined,
  signal: undefined,
});
const warmFileWrite = (exec: RecordingExecutor) =>
  exec.calls.find((c) => c.line.includes(`${WARM_FILE} 0644`));

describe('keeping the previous release warm after a switch', () => {
  it('leaves the old slot running and records it with its expiry instead of stopping it', async () => {
    const exec = droplet('running healthy');
    const before = Date.now();
    await switchHost(warmRun(exec), target);
    const lines = exec.lines();
    expect(lines.some((l) => l.startsWith('docker stop'))).toBe(false);
    expect(lines.some((l) => l.includes('ss -Htn'))).toBe(false);
    const warm = JSON.parse(String(warmFileWrite(exec)?.command.stdin)) as Record<string, string>;
    expect(warm).toMatchObject({ slot: 'blue', sha: '111111111111', container: 'opsctl-api-blue' });
    expect(Date.parse(warm.until ?? '') - before).toBeGreaterThanOrEqual(600_000);
    // The droplet stops it by itself at the end of the window.
    const timer = exec.calls.find((c) => c.line.includes('setsid -f'));
    expect(timer?.command.argv.slice(5)).toEqual([
      '600',
      WARM_FILE,
      'opsctl-api-blue',
      warm.until,
      '/var/lib/opsctl/api/active.json',
      '1',
    ]);
    // The new release goes into the slot the kept one occupied: that record goes first.
    const at = (needle: string) => lines.findIndex((l) => l.includes(needle));
    expect(at(`rm -f -- ${WARM_FILE}`)).toBeGreaterThanOrEqual(0);
    expect(at(`rm -f -- ${WARM_FILE}`)).toBeLessThan(at('docker rm --force opsctl-api-green'));
  });

  it('drains and stops the old slot and records nothing with a window of 0', async () => {
    const exec = droplet('running healthy');
    await switchHost(warmRun(exec, 0), target);
    expect(exec.lines().some((l) => l.includes('docker stop --time 1 opsctl-api-blue'))).toBe(true);
    expect(warmFileWrite(exec)).toBeUndefined();
    expect(exec.lines().some((l) => l.includes('setsid'))).toBe(false);
  });

  it('keeps nothing when the switch restarted the same release (secrets sync --restart)', async () => {
    const exec = droplet('running healthy');
    await switchHost(warmRun(exec), { ...target, sha: '111111111111' });
    expect(exec.lines().some((l) => l.includes('docker stop --time 1 opsctl-api-blue'))).toBe(true);
    expect(warmFileWrite(exec)).toBeUndefined();
    expect(exec.lines().some((l) => l.includes('setsid'))).toBe(false);
  });

  it('switches nginx back to the kept slot without pulling or starting anything', async () => {
    const exec = droplet('running healthy').on(['curl'], (cmd) => ({
      stdout: cmd.argv.includes('%{http_code} %header{x-opsctl-upstream}')
        ? '200 127.0.0.1:3002'
        : '200',
    }));
    const kept = {
      slot: 'green' as const,
      sha: SHA,
      digest: target.digest,
      image: target.image,
      container: 'opsctl-api-green',
      since: '2026-12-08T00:55:00.000Z',
      until: '2026-12-08T01:05:00.000Z',
    };
    const run = warmRun(exec);
    const result = await switchToWarm(run, target, kept);
    await retireOldSlot(run, result);
    const lines = exec.lines();
    expect(lines.some((l) => /^(\S+ )*docker (run|pull|rm|stop)/.test(l))).toBe(false);
    expect(result.active).toMatchObject({ slot: 'green', sha: SHA, container: 'opsctl-api-green' });
    const upstream = exec.calls.find((c) => c.line.includes('upstreams/api.conf 0664'));
    expect(String(upstream?.command.stdin)).toContain('server 127.0.0.1:3002;');
    // The release it switched away from is the one kept warm now.
    expect(String(warmFileWrite(exec)?.command.stdin)).toContain('"container":"opsctl-api-blue"');
  });

  it('refuses a malformed warm.json, naming the droplet and the file', async () => {
    const exec = new RecordingExecutor('droplet-2').on(['sh', '-c'], {
      stdout: JSON.stringify({ slot: 'blue', sha: 'zz', until: 'soon' }),
    });
    const error = await readWarm(exec, WARM_FILE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpsctlError);
    expect((error as OpsctlError).message).toMatch(
      /^\/var\/lib\/opsctl\/api\/warm.json on droplet-2 is malformed: sha: not a commit SHA/,
    );
  });
});
