import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseRenderer, isCi } from '../../../src/progress/choose-renderer.js';
import { createPalette } from '../../../src/progress/palette.js';
import { createProgress } from '../../../src/progress/progress.js';
import { Redactor } from '../../../src/secrets/redactor.js';
import { TextCapture } from '../../support/text-capture.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('chooseRenderer', () => {
  it.each([
    [{ json: true, stderrIsTTY: true, ci: false }, 'silent'],
    [{ json: true, stderrIsTTY: false, ci: true }, 'silent'],
    [{ json: false, stderrIsTTY: true, ci: false }, 'default'],
    [{ json: false, stderrIsTTY: true, ci: true }, 'simple'],
    [{ json: false, stderrIsTTY: false, ci: false }, 'simple'],
  ] as const)('picks the renderer for %j: %s', (conditions, renderer) => {
    expect(chooseRenderer(conditions)).toBe(renderer);
  });

  it('reads CI the way CI systems set it', () => {
    expect([
      isCi({ CI: 'true' }),
      isCi({ CI: '1' }),
      isCi({ CI: 'false' }),
      isCi({ CI: '' }),
      isCi({}),
    ]).toEqual([true, true, false, false, false]);
  });
});

describe('progress task lists', () => {
  function setUp(renderer: 'simple' | 'silent') {
    const stderr = new TextCapture();
    const redactor = new Redactor();
    redactor.add('token-abc-123');
    const stdoutWrite = vi.spyOn(process.stdout, 'write');
    return {
      stderr,
      stdoutWrite,
      progress: createProgress({ renderer, stderr, redactor, palette: createPalette(0) }),
    };
  }

  it('draws plain lines on stderr with secrets masked, and nothing on stdout', async () => {
    const { stderr, stdoutWrite, progress } = setUp('simple');
    await progress
      .tasks([
        {
          title: 'Log in with token-abc-123',
          task: (_ctx, task) => {
            task.output = 'still using token-abc-123';
            task.title = 'Logged in';
          },
        },
        { title: 'Pull image', task: () => Promise.resolve() },
      ])
      .run();
    expect(stderr.text).toContain('Log in with [redacted]');
    expect(stderr.text).toContain('Logged in');
    expect(stderr.text).toContain('Pull image');
    expect(stderr.text).not.toContain('token-abc-123');
    expect(stdoutWrite).not.toHaveBeenCalled();
  });

  it('stays silent under --json but still runs the tasks', async () => {
    const { stderr, stdoutWrite, progress } = setUp('silent');
    const ran: string[] = [];
    await progress.tasks([{ title: 'step', task: () => void ran.push('step') }]).run();
    expect(ran).toEqual(['step']);
    expect(stderr.text).toBe('');
    expect(stdoutWrite).not.toHaveBeenCalled();
  });

  it('passes a failing task’s error through to the caller', async () => {
    const { progress } = setUp('simple');
    const failure = new Error('health check failed');
    await expect(
      progress.tasks([{ title: 'check', task: () => Promise.reject(failure) }]).run(),
    ).rejects.toBe(failure);
  });
});
