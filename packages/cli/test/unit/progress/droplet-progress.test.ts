import { describe, expect, it } from 'vitest';
import { PHASES, type DeployEvent } from '../../../src/deploy/deploy-events.js';
import { createCommandContext } from '../../../src/context/create-command-context.js';
import { TextCapture } from '../../support/text-capture.js';

const AT = Date.parse('2026-12-08T01:02:03.000Z');

/** A clean run of every phase on a droplet, a second apart, with a secret in a note. */
function cleanRun(droplet: string): DeployEvent[] {
  return PHASES.flatMap((phase, i): DeployEvent[] => [
    { type: 'phase', phase, status: 'running', droplet, at: AT + i * 1000 },
    { type: 'note', message: `${phase} with token-abc-123`, droplet, at: AT + i * 1000 + 10 },
    { type: 'phase', phase, status: 'done', droplet, at: AT + i * 1000 + 900 },
  ]);
}

function progressOn(stderr: TextCapture, env: Record<string, string>, json = false) {
  const ctx = createCommandContext({ cwd: '/', env, stdout: new TextCapture(), stderr, json });
  ctx.redactor.add('token-abc-123');
  return ctx.progress.droplets(['droplet-1', 'droplet-2']);
}

describe('a deploy’s progress', () => {
  it('is timestamped lines in CI, every one redacted, and no colour when NO_COLOR is set', async () => {
    const stderr = Object.assign(new TextCapture(), { isTTY: true });
    const progress = progressOn(stderr, { CI: 'true', NO_COLOR: '1' });
    for (const event of cleanRun('droplet-1')) progress.report(event);
    await progress.close();
    const lines = stderr.text.trimEnd().split('\n');
    expect(lines).toHaveLength(15);
    expect(lines[0]).toBe('2026-12-08T01:02:03.000Z droplet-1: pull started');
    expect(lines[1]).toBe('2026-12-08T01:02:03.010Z droplet-1: pull with [redacted]');
    expect(lines[14]).toBe('2026-12-08T01:02:07.900Z droplet-1: drain done (0.9s)');
    expect(stderr.text).not.toContain('\u001b');
  });

  it('is plain lines under GITHUB_ACTIONS too, coloured when FORCE_COLOR asks', async () => {
    const stderr = new TextCapture();
    const progress = progressOn(stderr, { GITHUB_ACTIONS: 'true', FORCE_COLOR: '1' });
    for (const event of cleanRun('droplet-2')) progress.report(event);
    await progress.close();
    expect(stderr.text).toContain('droplet-2: pull \u001b[32mdone\u001b[39m (0.9s)');
  });

  it('is silent under --json', async () => {
    const stderr = new TextCapture();
    const progress = progressOn(stderr, {}, true);
    for (const event of cleanRun('droplet-1')) progress.report(event);
    await progress.close();
    expect(stderr.text).toBe('');
  });

  it('is a tree per droplet on a terminal, each phase with its time, secrets masked', async () => {
    const stderr = Object.assign(new TextCapture(), { isTTY: true });
    const progress = progressOn(stderr, { NO_COLOR: '1' });
    for (const event of cleanRun('droplet-1')) progress.report(event);
    // droplet-2 stops after its pull (the first droplet failed): the rest is shown as not reached.
    progress.report({
      type: 'phase',
      phase: 'pull',
      status: 'running',
      droplet: 'droplet-2',
      at: AT,
    });
    progress.report({
      type: 'phase',
      phase: 'pull',
      status: 'done',
      droplet: 'droplet-2',
      at: AT + 2500,
    });
    // After the droplet's own phases: an automatic rollback's note, printed below the tree.
    progress.report({
      type: 'note',
      message: 'rolling back to 1234567',
      droplet: 'droplet-1',
      at: AT + 9000,
    });
    await progress.close();
    const screen = stderr.text.split('\u001b[2K').at(-1) ?? '';
    const finalTree = screen.slice(screen.lastIndexOf('droplet-1\n') - 2);
    expect(finalTree).toMatch(
      /droplet-1\n\s+✔ pull 0\.9s\n\s+✔ start 0\.9s\n\s+✔ healthy 0\.9s\n\s+✔ switch 0\.9s\n\s+✔ drain 0\.9s\n/,
    );
    expect(finalTree).toMatch(/droplet-2\n\s+✔ pull 2\.5s\n\s+↓ start skipped: not reached\n/);
    expect(stderr.text).toContain('droplet-1: rolling back to 1234567');
    expect(stderr.text).not.toContain('token-abc-123');
  });
});
