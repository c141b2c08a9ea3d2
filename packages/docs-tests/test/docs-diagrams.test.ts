import { beforeAll, describe, expect, it } from 'vitest';
import { codeBlocks } from '../src/markdown/code-blocks.js';
import { createMermaidParser, type MermaidParser } from '../src/mermaid/mermaid-parser.js';
import { documents, readRepoFile } from './support/repo.js';

let mermaid: MermaidParser;
beforeAll(async () => {
  mermaid = await createMermaidParser();
});

/** The diagram that follows a heading of docs/architecture.md. */
function diagramUnder(heading: string): string | undefined {
  const text = readRepoFile('docs/architecture.md');
  const at = text.indexOf(`\n## ${heading}\n`);
  if (at === -1) return undefined;
  return codeBlocks(text.slice(at)).find((b) => b.lang === 'mermaid')?.content;
}

describe('Mermaid diagrams in the documentation', () => {
  it("every diagram parses with Mermaid's own parser", async () => {
    const diagrams = documents().flatMap((path) =>
      codeBlocks(readRepoFile(path))
        .filter((b) => b.lang === 'mermaid')
        .map((b) => ({ where: `${path}:${b.line}`, source: b.content })),
    );
    expect(diagrams.length).toBeGreaterThanOrEqual(5);
    const problems: string[] = [];
    for (const d of diagrams) {
      const result = await mermaid.parse(d.source);
      if (!result.ok) problems.push(`${d.where}: ${result.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('the architecture document has the topology, the pipeline, the blue-green sequence and the network diagram', async () => {
    const expected: [string, string][] = [
      ['Infrastructure topology', 'flowchart-v2'],
      ['CI/CD pipeline flow', 'flowchart-v2'],
      ['Deployment flow: blue-green on one droplet', 'sequence'],
      ['Network security', 'flowchart-v2'],
    ];
    for (const [heading, type] of expected) {
      const source = diagramUnder(heading);
      expect(source, heading).toBeDefined();
      expect(await mermaid.parse(source ?? ''), heading).toEqual({ ok: true, diagramType: type });
    }
  });

  it('the parser rejects a diagram GitHub could not render', async () => {
    const broken = await mermaid.parse('flowchart LR\n  a[unclosed --> b');
    expect(broken.ok).toBe(false);
    const dottedLabelWithPeriod = await mermaid.parse('flowchart LR\n  a -. backup.yml .-> b');
    expect(dottedLabelWithPeriod.ok).toBe(false);
  });
});
