import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/output/logger.js';
import { createOutput } from '../../../src/output/output.js';
import { renderTable } from '../../../src/output/table.js';
import { Redactor } from '../../../src/secrets/redactor.js';
import { TextCapture } from '../../support/text-capture.js';

function redactor(): Redactor {
  const made = new Redactor();
  made.add('secret-value-1');
  return made;
}

describe('output', () => {
  it('prints result lines on its stream, masked', () => {
    const stdout = new TextCapture();
    const output = createOutput({ stdout, redactor: redactor(), json: false });
    output.line('deployed with secret-value-1');
    output.line();
    expect(stdout.text).toBe('deployed with [redacted]\n\n');
  });

  it('prints nothing under --json, where the envelope carries the result', () => {
    const stdout = new TextCapture();
    const output = createOutput({ stdout, redactor: redactor(), json: true });
    output.line('hello');
    output.table([{ a: 1 }], [{ header: 'a', value: (row) => row.a }]);
    expect(stdout.text).toBe('');
  });

  it('aligns tables under upper-case headers', () => {
    const rows = [
      { host: 'droplet-1', slot: 'blue', healthy: true },
      { host: 'd2', slot: undefined, healthy: false },
    ];
    expect(
      renderTable(rows, [
        { header: 'host', value: (r) => r.host },
        { header: 'slot', value: (r) => r.slot },
        { header: 'healthy', value: (r) => r.healthy },
      ]),
    ).toBe('HOST       SLOT  HEALTHY\ndroplet-1  blue  true\nd2               false\n');
  });
});

describe('logger', () => {
  it('writes info and warnings to stderr, debug only when verbose, all masked', () => {
    const quiet = new TextCapture();
    const log = createLogger({ stderr: quiet, redactor: redactor(), verbose: false, json: false });
    log.debug('hidden');
    log.info('pulling with secret-value-1');
    log.warn('slow\nvery slow');
    expect(quiet.text).toBe('pulling with [redacted]\nwarning: slow\nwarning: very slow\n');
    const loud = new TextCapture();
    createLogger({ stderr: loud, redactor: redactor(), verbose: true, json: false }).debug('shown');
    expect(loud.text).toBe('debug: shown\n');
  });

  it('keeps only warnings and errors under --json', () => {
    const stderr = new TextCapture();
    const log = createLogger({ stderr, redactor: redactor(), verbose: false, json: true });
    log.info('progress');
    log.error('broken');
    expect(stderr.text).toBe('error: broken\n');
  });
});
