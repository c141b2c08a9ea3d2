import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src/errors/error-codes.js';
import { EXIT_CODES, exitCodeTable } from '../../../src/errors/exit-codes.js';

const DOC = new URL('../../../../../docs/exit-codes.md', import.meta.url);

/** Rows of the first Markdown table after `heading`, as arrays of trimmed cells. */
function tableAfter(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(heading);
  expect(start, `heading "${heading}" in docs/exit-codes.md`).toBeGreaterThanOrEqual(0);
  const lines = markdown.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

describe('docs/exit-codes.md', () => {
  it('documents exactly the exit codes the CLI uses, with the same meanings', async () => {
    const rows = tableAfter(await readFile(DOC, 'utf8'), '## Exit codes');
    expect(rows).toEqual(exitCodeTable().map((row) => [String(row.code), row.name, row.meaning]));
  });

  it('documents every framework error code with its kind', async () => {
    const rows = tableAfter(await readFile(DOC, 'utf8'), '## Error codes raised by the framework');
    const documented = Object.fromEntries(
      rows.map((row): [string, string] => [row[0] ?? '', row[1] ?? '']),
    );
    expect(documented).toEqual(ERROR_CODES);
  });

  it('keeps the codes scripts rely on stable', () => {
    expect(EXIT_CODES).toEqual({
      ok: 0,
      bug: 1,
      user: 2,
      external: 3,
      partial: 4,
      lockHeld: 5,
      cancelled: 130,
    });
  });
});
