import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../../src', import.meta.url));
const doc = fileURLToPath(new URL('../../../../../docs/exit-codes.md', import.meta.url));

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory()
        ? sourceFiles(join(dir, e.name))
        : Promise.resolve(e.name.endsWith('.ts') ? [join(dir, e.name)] : []),
    ),
  );
  return nested.flat();
}

describe('error codes', () => {
  it('every code the CLI can raise is documented in docs/exit-codes.md', async () => {
    const codes = new Set<string>();
    for (const file of await sourceFiles(src)) {
      const text = await readFile(file, 'utf8');
      // `code: 'X'` and `code: cond ? 'X' : 'Y'` in error constructions.
      for (const m of text.matchAll(
        /code:\s*(?:[^,\n]*\?\s*)?'([A-Z][A-Z0-9_]+)'(?:\s*:\s*'([A-Z][A-Z0-9_]+)')?/g,
      )) {
        if (m[1] !== undefined) codes.add(m[1]);
        if (m[2] !== undefined) codes.add(m[2]);
      }
    }
    const documented = await readFile(doc, 'utf8');
    const missing = [...codes].filter((code) => !documented.includes(`| ${code} |`)).sort();
    expect(codes.size).toBeGreaterThan(40);
    expect(missing, 'add these to docs/exit-codes.md').toEqual([]);
  });
});
