import { describe, expect, it } from 'vitest';
import { planTarget } from '../../../src/secrets/sync/plan.js';
import type { SecretState } from '../../../src/secrets/sync/target.js';

const at = '2026-01-01T00:00:00.000Z';
const state = (present: boolean, fingerprint?: string): SecretState => ({
  present,
  record: fingerprint === undefined ? undefined : { fingerprint, updatedAt: at },
  changedAt: undefined,
});

describe('planning a target by fingerprint', () => {
  it('creates what is absent, updates what changed or was never recorded, leaves the rest', () => {
    const states = new Map([
      ['SAME', state(true, 'v1:same')],
      ['CHANGED', state(true, 'v1:old')],
      ['BY_HAND', state(true)],
      ['GONE', state(false, 'v1:stale-record')],
    ]);
    const fingerprints = new Map([
      ['SAME', 'v1:same'],
      ['CHANGED', 'v1:new'],
      ['BY_HAND', 'v1:x'],
      ['GONE', 'v1:y'],
      ['NEW', 'v1:z'],
    ]);
    expect(planTarget(['SAME', 'CHANGED', 'BY_HAND', 'GONE', 'NEW'], states, fingerprints)).toEqual(
      [
        { name: 'SAME', action: 'unchanged', reason: 'current' },
        { name: 'CHANGED', action: 'update', reason: 'changed' },
        { name: 'BY_HAND', action: 'update', reason: 'unrecorded' },
        { name: 'GONE', action: 'create', reason: 'absent' },
        { name: 'NEW', action: 'create', reason: 'absent' },
      ],
    );
  });
});
