import { describe, expect, it } from 'vitest';
import { escapeCommandData, MIN_MASKED_LENGTH, Redactor } from '../../../src/secrets/redactor.js';
import { Secret } from '../../../src/secrets/secret.js';
import { TextCapture } from '../../support/text-capture.js';

describe('Redactor', () => {
  it('masks every occurrence of a registered value', () => {
    const redactor = new Redactor();
    redactor.add('tok-123456');
    expect(redactor.redact('a tok-123456 b tok-123456')).toBe('a [redacted] b [redacted]');
  });

  it('accepts a Secret and masks its revealed value', () => {
    const redactor = new Redactor();
    redactor.add(new Secret('from-a-secret-object'));
    expect(redactor.redact('x from-a-secret-object y')).toBe('x [redacted] y');
  });

  it('masks the longer of two overlapping values whole', () => {
    const redactor = new Redactor();
    redactor.add('abcd');
    redactor.add('abcdefgh');
    expect(redactor.redact('abcdefgh abcd')).toBe('[redacted] [redacted]');
  });

  it('masks each line of a multi-line value and its JSON-escaped form', () => {
    const redactor = new Redactor();
    const key = '-----BEGIN KEY-----\nAAAAlineone\nBBBBlinetwo\n-----END KEY-----';
    redactor.add(key);
    expect(redactor.redact('only BBBBlinetwo here')).toBe('only [redacted] here');
    expect(redactor.redact(JSON.stringify({ key }))).not.toMatch(/AAAAlineone|BBBBlinetwo/);
    redactor.add('quote"and\\slash');
    expect(redactor.redact(JSON.stringify({ v: 'quote"and\\slash' }))).toBe('{"v":"[redacted]"}');
  });

  it(`refuses values shorter than ${MIN_MASKED_LENGTH} characters instead of garbling output`, () => {
    const redactor = new Redactor();
    expect(redactor.add('abc')).toBe(false);
    expect(redactor.redact('abc')).toBe('abc');
  });

  it('redacts deeply: strings, Secrets, arrays, errors and objects with toJSON', () => {
    const redactor = new Redactor();
    redactor.add('deep-secret-value');
    const input = {
      list: ['x deep-secret-value', new Secret('other')],
      error: new Error('failed with deep-secret-value'),
      when: new Date(0),
      n: 3,
    };
    expect(redactor.redactDeep(input)).toEqual({
      list: ['x [redacted]', '[redacted]'],
      error: 'failed with [redacted]',
      when: '1970-01-01T00:00:00.000Z',
      n: 3,
    });
  });

  it('announces each new value once with ::add-mask:: under GitHub Actions, line by line', () => {
    const sink = new TextCapture();
    const redactor = new Redactor({ githubMaskSink: sink });
    redactor.add('first-value');
    redactor.add('first-value');
    redactor.add('multi-line\nsecond-part 100%');
    expect(sink.text).toBe(
      '::add-mask::first-value\n::add-mask::multi-line\n::add-mask::second-part 100%25\n',
    );
  });

  it('never announces a mask shorter than 4 characters, neither a short value nor a short line', () => {
    const sink = new TextCapture();
    const redactor = new Redactor({ githubMaskSink: sink });
    expect(redactor.add('abc')).toBe(false);
    redactor.add('{\n  "key": "long-enough-value"\n}\nx\n   ');
    expect(sink.text).toBe('::add-mask::  "key": "long-enough-value"\n');
    expect(sink.text.split('\n').filter((l) => /^::add-mask::.{0,3}$/.test(l))).toEqual([]);
    expect(redactor.redact('{\n  "key": "long-enough-value"\n}\nx\n   ')).toBe('[redacted]');
  });

  it('escapes workflow command data as the runner unescapes it', () => {
    expect(escapeCommandData('a%b\r\nc')).toBe('a%25b%0D%0Ac');
  });
});
