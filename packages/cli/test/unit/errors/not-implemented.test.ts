import { describe, expect, it } from 'vitest';
import { notImplemented } from '../../../src/services/not-implemented.js';

describe('notImplemented', () => {
  it('is a user error that names the command and says it is not available yet', () => {
    const error = notImplemented('images prune');
    expect(error).toMatchObject({ code: 'NOT_IMPLEMENTED', kind: 'user', exitCode: 2 });
    expect(error.message).toBe(
      '"opsctl images prune" is not available yet: this version of opsctl does not carry it out.',
    );
    expect(error.hint).toContain('opsctl --help');
  });
});
