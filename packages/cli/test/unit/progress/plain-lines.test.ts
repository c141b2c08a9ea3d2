import { describe, expect, it } from 'vitest';
import type { DeployEvent, Phase } from '../../../src/deploy/deploy-events.js';
import { createPalette } from '../../../src/progress/palette.js';
import { plainLine, plainReporter } from '../../../src/progress/plain-lines.js';

const AT = Date.parse('2026-12-08T01:02:03.000Z');
const phase = (
  status: 'running' | 'done' | 'skipped' | 'failed',
  at: number,
  detail?: string,
  name: Phase = 'healthy',
): DeployEvent => ({
  type: 'phase',
  phase: name,
  status,
  droplet: 'droplet-2',
  at,
  ...(detail === undefined ? {} : { detail }),
});

describe('plain progress lines', () => {
  it('stamp each event with its time and droplet, and time a phase from its start', () => {
    const lines: string[] = [];
    const report = plainReporter((line) => lines.push(line), createPalette(0));
    report(phase('running', AT));
    report({
      type: 'note',
      message: 'waiting for green slot to be healthy',
      droplet: 'droplet-2',
      at: AT + 100,
    });
    report(phase('done', AT + 2_345));
    expect(lines).toEqual([
      '2026-12-08T01:02:03.000Z droplet-2: healthy started\n',
      '2026-12-08T01:02:03.100Z droplet-2: waiting for green slot to be healthy\n',
      '2026-12-08T01:02:05.345Z droplet-2: healthy done (2.3s)\n',
    ]);
  });

  it('say why a phase was skipped and how long a failed one ran', () => {
    const palette = createPalette(0);
    expect(plainLine(phase('skipped', AT, 'no old slot', 'drain'), palette)).toBe(
      '2026-12-08T01:02:03.000Z droplet-2: drain skipped: no old slot',
    );
    expect(plainLine(phase('failed', AT, 'the container is exited'), palette, 61_000)).toBe(
      '2026-12-08T01:02:03.000Z droplet-2: healthy failed after 1m01s: the container is exited',
    );
  });

  it('colour the status word and dim the time when colour is on, and carry no escape when off', () => {
    const on = plainLine(phase('failed', AT, 'boom'), createPalette(1), 500);
    expect(on).toContain('\u001b[31mfailed\u001b[39m');
    expect(on).toContain('\u001b[2m2026-12-08T01:02:03.000Z\u001b[22m');
    expect(plainLine(phase('done', AT), createPalette(1), 500)).toContain('\u001b[32mdone');
    expect(plainLine(phase('failed', AT, 'boom'), createPalette(0), 500)).not.toContain('\u001b');
  });
});
