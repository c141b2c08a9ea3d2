import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiRelease, fakeSha } from '../support/api-images.js';
import { waitForAllUp } from '../support/load-balancer.js';
import { opsctl } from '../support/opsctl.js';
import { cliBin, repoRoot } from '../support/paths.js';
import { startInTmux, type TmuxPane } from '../support/tmux.js';

const first = fakeSha();
const second = fakeSha();
const DROPLETS = ['droplet-1', 'droplet-2'];
const PHASES = ['pull', 'start', 'healthy', 'switch', 'drain'];

let pane: TmuxPane | undefined;

afterAll(async () => {
  await pane?.kill();
});

describe('a deploy’s progress', () => {
  let plain: string;
  beforeAll(async () => {
    await buildApiRelease(first);
    await buildApiRelease(second);
    // Not a terminal, CI=true: the progress is plain lines.
    const run = await opsctl(['deploy', 'local', '--sha', first]);
    expect(run.exitCode, run.stderr).toBe(0);
    plain = run.stderr;
    await waitForAllUp();
  });

  it('is one timestamped line per step when not on a terminal', () => {
    for (const droplet of DROPLETS)
      for (const phase of ['pull', 'start', 'healthy', 'switch'])
        expect(plain).toMatch(
          new RegExp(
            `^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z ${droplet}: ${phase} done \\(\\d+\\.\\ds\\)$`,
            'm',
          ),
        );
  });

  it('is a tree per droplet in a terminal, each phase with its time', async () => {
    // Outside CI, in a real pseudo-terminal: the screen is what a person at the terminal sees.
    pane = await startInTmux(
      `opsctl-progress-${process.pid}`,
      `cd '${repoRoot}' && env -u CI -u GITHUB_ACTIONS -u NO_COLOR -u FORCE_COLOR TERM=xterm-256color node '${cliBin}' deploy local --sha ${second}; echo "opsctl exited with $?"`,
      { columns: 120, rows: 60 },
    );
    await pane.ended(240_000);
    const screen = await pane.screen();
    console.log(screen);
    expect(screen).toContain('opsctl exited with 0');
    for (const droplet of DROPLETS) {
      const lines = screen.split('\n');
      const at = lines.findIndex((line) => line.trim() === `✔ ${droplet}`);
      expect(at, `${droplet} in:\n${screen}`).toBeGreaterThanOrEqual(0);
      // The first release is kept warm out of rotation (deploy.warmWindow, 10 minutes by
      // default), so this droplet's drain is a skip that says until when.
      expect(lines.slice(at + 1, at + 1 + PHASES.length).map((l) => l.trim())).toEqual(
        PHASES.map(
          (phase) =>
            expect.stringMatching(
              phase === 'drain'
                ? /^\S+ drain skipped: kept warm until \d{4}-\d\d-\d\dT[\d:.]+Z$/
                : new RegExp(`^✔ ${phase} \\d+\\.\\ds$`),
            ) as unknown,
        ),
      );
    }
  }, 300_000);
});
