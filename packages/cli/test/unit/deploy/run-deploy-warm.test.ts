import { describe, expect, it } from 'vitest';
import { runDeploy } from '../../../src/deploy/run-deploy.js';
import type { WarmSlot } from '../../../src/droplet/releases/warm-slot.js';
import { droplet, settings, target } from './support/scripted-droplet.js';

const kept: WarmSlot = {
  slot: 'green',
  sha: target.sha,
  digest: target.digest,
  image: target.image,
  container: 'opsctl-api-green',
  since: '2026-12-08T00:55:00.000Z',
  until: '2999-01-01T00:00:00.000Z',
};

describe('a warm rollback across droplets', () => {
  it('switches every droplet to its kept slot at once, starts nothing and records the rollback', async () => {
    const execs = ['droplet-1', 'droplet-2', 'droplet-3'].map((n) => droplet('running healthy', n));
    // All three must be switching before any finishes: parallelism 1 would serialize them.
    let inFlight = 0;
    let most = 0;
    for (const exec of execs) {
      exec.on(['sudo', '-n', '/usr/sbin/nginx', '-t'], async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((r) => setImmediate(r));
        inFlight -= 1;
        return {};
      });
    }
    const result = await runDeploy({
      environment: 'staging',
      kind: 'rollback',
      target,
      droplets: execs.map((exec) => ({ name: exec.target, exec })),
      settings: { ...settings, warmWindowMs: 600_000 },
      preDeploy: undefined,
      parallelism: 1,
      smoke: { baseUrl: undefined, paths: [], versionPath: undefined, routeTimeoutMs: 0 },
      autoRollback: true,
      warm: new Map(execs.map((e) => [e.target, kept])),
      path: { path: 'warm', reason: 'kept everywhere' },
      actor: 'alice',
      ciRunUrl: undefined,
      report: () => undefined,
      redact: (text) => text,
      signal: undefined,
    });
    expect(result.outcome).toBe('succeeded');
    expect(result.path).toEqual({ path: 'warm', reason: 'kept everywhere' });
    expect(most).toBe(3);
    for (const exec of execs) {
      const lines = exec.lines();
      expect(lines.some((l) => /^(\S+ )*docker (run|pull|rm|stop)/.test(l))).toBe(false);
      const history = exec.calls.find((c) => c.command.description?.startsWith('append to'));
      expect(String(history?.command.stdin)).toContain('"kind":"rollback"');
      expect(String(history?.command.stdin)).toContain('"previousSha":"111111111111"');
    }
  }, 60_000);
});
