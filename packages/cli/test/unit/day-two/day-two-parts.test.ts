import { describe, expect, it } from 'vitest';
import { logSince } from '../../../src/day-two/log-since.js';
import { firstByName, pickDroplets } from '../../../src/day-two/pick-droplets.js';
import { PrefixedLines } from '../../../src/day-two/prefixed-lines.js';
import { containerLogStream } from '../../../src/droplet/commands/container-logs.js';
import { runOneOff } from '../../../src/droplet/commands/one-off-container.js';
import { shellLine } from '../../../src/exec/shell-quote.js';
import { Redactor } from '../../../src/secrets/redactor.js';

const droplets = [{ name: 'web-2' }, { name: 'web-1' }, { name: 'web-10' }];

describe('droplet choice', () => {
  it('takes all droplets, the one named, or by default for a one-off the first by name', () => {
    expect(pickDroplets(droplets, undefined, 'staging')).toEqual(droplets);
    expect(pickDroplets(droplets, 'web-10', 'staging')).toEqual([{ name: 'web-10' }]);
    expect(firstByName(droplets)).toEqual([{ name: 'web-1' }]);
    expect(firstByName([])).toEqual([]);
  });

  it('names the droplets there are when the one asked for is not among them', () => {
    expect(() => pickDroplets(droplets, 'web-3', 'staging')).toThrow(
      expect.objectContaining({
        code: 'DROPLET_UNKNOWN',
        message: 'Environment staging has no droplet named "web-3".',
        hint: 'Pass one of: web-2, web-1, web-10; or leave --droplet out.',
      }),
    );
  });
});

describe('--since', () => {
  it('turns a duration into whole seconds and a time into UTC ISO form', () => {
    expect(logSince('10m')).toBe('600s');
    expect(logSince('1500ms')).toBe('2s');
    expect(logSince('2026-12-08T02:00:00+01:00')).toBe('2026-12-08T01:00:00.000Z');
    expect(logSince('2026-12-08')).toBe('2026-12-08T00:00:00.000Z');
  });

  it.each(['yesterday', '10 minutes', '-5m', '2026-13-45', '--follow'])('refuses %j', (text) => {
    expect(() => logSince(text)).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });
});

describe('prefixed lines', () => {
  it('emits whole lines only, prefixed and masked, and the unfinished last one on flush', () => {
    const redactor = new Redactor();
    redactor.add('hunter2-secret');
    const out: string[] = [];
    const lines = new PrefixedLines('web-1 | ', redactor, (line) => out.push(line));
    lines.push('a\r\nb hunter2-');
    expect(out).toEqual(['web-1 | a']);
    lines.push('secret c\npartial');
    lines.flush();
    expect(out).toEqual(['web-1 | a', 'web-1 | b [redacted] c', 'web-1 | partial']);
  });
});

describe('remote commands', () => {
  it('builds docker logs from its options, the container last', () => {
    expect(containerLogStream({ container: 'opsctl-api-blue', follow: false }).argv).toEqual([
      'docker',
      'logs',
      'opsctl-api-blue',
    ]);
    expect(
      containerLogStream({ container: 'c', tail: 0, since: '60s', follow: true }).argv,
    ).toEqual(['docker', 'logs', '--tail', '0', '--since', '60s', '--follow', 'c']);
  });

  it('builds the one-off run as argv values: a shell-hostile command stays one word each', () => {
    const command = runOneOff({
      container: 'opsctl-api-exec-0a1b2c3d',
      service: 'api',
      image: 'reg/api@sha256:abc',
      envFile: '/etc/opsctl/env/api.env',
      envNames: ['A', 'B'],
      tty: false,
      argv: ['sh', '-c', 'echo "$A" && rm -rf / ; $(id)'],
    });
    expect(command.argv).toEqual([
      'sudo',
      '-n',
      '/usr/local/sbin/opsctl-env',
      'run',
      'api.env',
      'docker',
      'run',
      '--rm',
      '--name',
      'opsctl-api-exec-0a1b2c3d',
      '--label',
      'opsctl.one-off=api',
      '--env',
      'A',
      '--env',
      'B',
      'reg/api@sha256:abc',
      'sh',
      '-c',
      'echo "$A" && rm -rf / ; $(id)',
    ]);
    expect(shellLine(command.argv, 'redact')).toMatch(
      / sh -c 'echo "\$A" && rm -rf \/ ; \$\(id\)'$/,
    );
  });
});
