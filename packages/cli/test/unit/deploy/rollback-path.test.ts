import { describe, expect, it } from 'vitest';
import { chooseRollbackPath, type WarmProbe } from '../../../src/deploy/rollback-path.js';

const target = { sha: '111111111111', digest: `sha256:${'a'.repeat(64)}` };
const now = new Date('2026-12-08T01:00:00Z');
const warm = {
  slot: 'blue' as const,
  sha: target.sha,
  digest: target.digest,
  image: `registry.test/api@${target.digest}`,
  container: 'opsctl-api-blue',
  since: '2026-12-08T00:55:00Z',
  until: '2026-12-08T01:05:00Z',
};
const ready = (droplet: string, over: Partial<WarmProbe> = {}): WarmProbe => ({
  droplet,
  warm,
  state: `running healthy ${target.sha}`,
  healthStatus: '200',
  ...over,
});
const decide = (probes: WarmProbe[], windowMs = 600_000) =>
  chooseRollbackPath({ windowMs, target, now, probes });

describe('choosing the warm or the cold rollback path', () => {
  it('switches to the kept slots when every droplet runs the target healthy within the window', () => {
    const path = decide([ready('droplet-1'), ready('droplet-2')]);
    expect(path.path).toBe('warm');
    expect(path.path === 'warm' && [...path.slots.keys()]).toEqual(['droplet-1', 'droplet-2']);
  });

  it('takes the cold path when the window is off, whatever the droplets keep', () => {
    expect(decide([ready('droplet-1')], 0)).toEqual({
      path: 'cold',
      reason: 'deploy.warmWindow is 0 (off)',
    });
  });

  it('takes the cold path for all when one droplet keeps nothing, naming it', () => {
    const path = decide([ready('droplet-1'), ready('droplet-2', { warm: undefined })]);
    expect(path).toEqual({ path: 'cold', reason: 'droplet-2 keeps no warm slot' });
  });

  it('takes the cold path once the window has passed', () => {
    const expired = { ...warm, until: '2026-12-08T01:00:00Z' };
    const path = decide([ready('droplet-1', { warm: expired })]);
    expect(path.reason).toBe('the warm slot on droplet-1 expired at 2026-12-08T01:00:00Z');
    expect(path.path).toBe('cold');
    // Seconds before the end the droplet's own expiry could stop it mid-switch.
    const soon = { ...warm, until: '2026-12-08T01:00:05Z' };
    expect(decide([ready('droplet-1', { warm: soon })]).reason).toBe(
      'the warm slot on droplet-1 expires at 2026-12-08T01:00:05Z, too soon to switch to',
    );
  });

  it('takes the cold path when the kept slot is stopped, unhealthy or failing its health check', () => {
    expect(decide([ready('droplet-1', { state: 'exited none 111111111111' })]).reason).toBe(
      'the warm slot on droplet-1 is exited',
    );
    expect(decide([ready('droplet-1', { state: 'missing' })]).reason).toBe(
      'the warm slot on droplet-1 is missing',
    );
    expect(decide([ready('droplet-1', { state: 'running unhealthy 111111111111' })]).reason).toBe(
      'the warm slot on droplet-1 is unhealthy',
    );
    expect(decide([ready('droplet-1', { healthStatus: '503' })]).reason).toBe(
      'the warm slot on droplet-1 answered its health check with 503',
    );
  });

  it('takes the cold path when the kept slot holds another release than the target', () => {
    expect(decide([ready('droplet-1', { warm: { ...warm, sha: '222222222222' } })]).reason).toBe(
      'the warm slot on droplet-1 holds 222222222222, not 111111111111',
    );
    // warm.json says the target, but a later deploy reused the container for another release.
    expect(decide([ready('droplet-1', { state: 'running healthy 333333333333' })]).reason).toBe(
      "the warm slot's container on droplet-1 runs 333333333333, not 111111111111",
    );
    expect(
      decide([ready('droplet-1', { warm: { ...warm, digest: `sha256:${'c'.repeat(64)}` } })]).path,
    ).toBe('cold');
  });
});
