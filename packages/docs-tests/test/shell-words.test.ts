import { describe, expect, it } from 'vitest';
import { splitCommands } from '../src/invocation/shell-words.js';
import { findInvocations, strayMentions } from '../src/invocation/find-invocations.js';

describe('reading command lines out of shell scripts', () => {
  it('joins backslash continuations and removes quotes', () => {
    const script =
      'node packages/cli/bin/run.js deploy staging \\\n  --sha "$GITHUB_SHA" --lock-wait \'10m\'';
    expect(splitCommands(script)).toEqual([
      {
        words: [
          'node',
          'packages/cli/bin/run.js',
          'deploy',
          'staging',
          '--sha',
          '$GITHUB_SHA',
          '--lock-wait',
          '10m',
        ],
        line: 1,
      },
    ]);
  });

  it('splits at operators and drops redirections with their targets', () => {
    const commands = splitCommands(
      'opsctl status --json > out.json 2>&1 && opsctl releases | head; echo done # opsctl nothing',
    );
    expect(commands.map((c) => c.words)).toEqual([
      ['opsctl', 'status', '--json'],
      ['opsctl', 'releases'],
      ['head'],
      ['echo', 'done'],
    ]);
  });

  it('keeps ${{ }} expressions and $( ) substitutions whole, spaces and all', () => {
    const [command] = splitCommands(
      "opsctl deploy ${{ github.ref == 'x' && 'a' || 'b' }} --sha $(git rev-parse HEAD)",
    );
    expect(command?.words).toEqual([
      'opsctl',
      'deploy',
      "${{ github.ref == 'x' && 'a' || 'b' }}",
      '--sha',
      '$(git rev-parse HEAD)',
    ]);
  });

  it('reads <placeholders> in documentation as words, not redirections', () => {
    expect(splitCommands('opsctl rollback <env> --sha <sha>')[0]?.words).toEqual([
      'opsctl',
      'rollback',
      '<env>',
      '--sha',
      '<sha>',
    ]);
  });

  it('counts lines so a finding points at the right one', () => {
    const found = findInvocations(
      'set -e\n\n./bin/opsctl local up\nFOO=1 pnpm exec opsctl status local',
    );
    expect(found).toEqual([
      { launcher: './bin/opsctl', argv: ['local', 'up'], line: 3 },
      { launcher: 'pnpm exec opsctl', argv: ['status', 'local'], line: 4 },
    ]);
  });

  it('reports a mention of the CLI that is not at the start of a command', () => {
    expect(strayMentions('sudo opsctl deploy staging\nopsctl status')).toEqual([1]);
    expect(strayMentions('echo "run opsctl later"')).toEqual([]);
  });
});
