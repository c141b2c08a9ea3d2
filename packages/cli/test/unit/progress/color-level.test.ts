import { describe, expect, it } from 'vitest';
import { colorLevel } from '../../../src/progress/color-level.js';

describe('the colour level of a run', () => {
  it('colours a terminal and not a pipe', () => {
    expect(colorLevel({}, true)).toBe(1);
    expect(colorLevel({}, false)).toBe(0);
    expect(colorLevel({ TERM: 'dumb' }, true)).toBe(0);
  });

  it('turns colour off with a non-empty NO_COLOR, even on a terminal', () => {
    expect(colorLevel({ NO_COLOR: '1' }, true)).toBe(0);
    expect(colorLevel({ NO_COLOR: '' }, true)).toBe(1);
  });

  it('forces colour with FORCE_COLOR, even in a pipe and over NO_COLOR, as Node does', () => {
    expect(colorLevel({ FORCE_COLOR: '1' }, false)).toBe(1);
    expect(colorLevel({ FORCE_COLOR: '' }, false)).toBe(1);
    expect(colorLevel({ FORCE_COLOR: '3' }, false)).toBe(3);
    expect(colorLevel({ FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(1);
    expect(colorLevel({ FORCE_COLOR: '0' }, true)).toBe(0);
    expect(colorLevel({ FORCE_COLOR: 'false' }, true)).toBe(0);
  });
});
