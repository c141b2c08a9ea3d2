import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { revealArgv, shellLine, shellQuote } from '../../../src/exec/shell-quote.js';
import { Secret } from '../../../src/secrets/secret.js';

const TRICKY = [
  'plain',
  '',
  ' ',
  "it's",
  "''",
  '"double"',
  '$HOME',
  '${PATH}',
  '`id`',
  '$(id)',
  'a b\tc',
  'line1\nline2',
  '*',
  '?',
  '[a]',
  '~',
  '~/x',
  '=x',
  'a=b',
  '--opt=value with space',
  ';',
  '&&',
  '|',
  '>out',
  '<in',
  '#comment',
  '!bang',
  '\\',
  'ünïcødé ✓ 日本',
  '{a,b}',
  '%s%%',
];

/** Run the line through a real shell and read back the argv it produced. */
async function argvThroughShell(shell: string, args: readonly string[]): Promise<string[]> {
  const line = shellLine(['printf', '%s\\0', ...args], 'reveal');
  const { stdout } = await execa(shell, ['-c', line], { stripFinalNewline: false });
  return stdout.split('\0').slice(0, -1);
}

describe('shell quoting', () => {
  it.each(['sh', 'bash'])('round-trips tricky arguments through %s -c unchanged', async (shell) => {
    expect(await argvThroughShell(shell, TRICKY)).toEqual(TRICKY);
  });

  it('round-trips every printable ASCII character on its own', async () => {
    const chars = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
    expect(await argvThroughShell('sh', chars)).toEqual(chars);
  });

  it('leaves plain words readable and single-quotes the rest', () => {
    expect(shellQuote('docker')).toBe('docker');
    expect(shellQuote('registry.example.com:5000/api:abc123')).toBe(
      'registry.example.com:5000/api:abc123',
    );
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('')).toBe("''");
  });

  it('quotes a first word that a shell would read as an assignment', () => {
    expect(shellQuote('A=b', 'first')).toBe("'A=b'");
    expect(shellQuote('--env=A', 'rest')).toBe('--env=A');
  });

  it('shows secrets as [redacted] unless an executor asks to reveal them', () => {
    const argv = ['docker', 'login', '-p', new Secret('p@ss word')];
    expect(shellLine(argv, 'redact')).toBe('docker login -p [redacted]');
    expect(shellLine(argv, 'reveal')).toBe("docker login -p 'p@ss word'");
    expect(revealArgv(argv)).toEqual(['docker', 'login', '-p', 'p@ss word']);
  });

  it('refuses NUL bytes, which no shell can carry', () => {
    expect(() => shellQuote('a\0b')).toThrow(/NUL/);
  });
});
