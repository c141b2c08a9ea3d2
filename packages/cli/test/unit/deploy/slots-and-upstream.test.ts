import { describe, expect, it } from 'vitest';
import { renderUpstream } from '../../../src/deploy/nginx-upstream.js';
import { idleSlot, otherSlot, slotContainer } from '../../../src/deploy/slots.js';
import { mapLimit } from '../../../src/deploy/map-limit.js';

describe('slots', () => {
  it('start with blue and alternate after that', () => {
    expect(idleSlot(undefined)).toBe('blue');
    expect(idleSlot('blue')).toBe('green');
    expect(idleSlot('green')).toBe('blue');
    expect(otherSlot('green')).toBe('blue');
    expect(slotContainer('api', 'green')).toBe('opsctl-api-green');
  });
});

describe('the nginx upstream file', () => {
  it('points the service upstream at one loopback port with keep-alive', () => {
    const text = renderUpstream('api', 3002, 'green');
    expect(text).toContain('upstream opsctl_api {');
    expect(text).toContain('server 127.0.0.1:3002;');
    expect(text).toContain('keepalive 32;');
    expect(text).not.toContain('3001');
  });
});

describe('mapLimit', () => {
  it('never runs more than the limit at once and keeps input order', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapLimit([1, 2, 3, 4, 5], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return n * 10;
    });
    expect(peak).toBe(2);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : undefined))).toEqual([
      10, 20, 30, 40, 50,
    ]);
  });

  it('starts nothing new after the first failure', async () => {
    const started: number[] = [];
    const results = await mapLimit([1, 2, 3, 4], 1, (n) => {
      started.push(n);
      return n === 2 ? Promise.reject(new Error('boom')) : Promise.resolve(n);
    });
    expect(started).toEqual([1, 2]);
    expect(results[1]?.status).toBe('rejected');
    expect(results[2]).toBeUndefined();
  });
});
