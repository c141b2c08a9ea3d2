/** A fenced code block of a Markdown file. */
export interface CodeBlock {
  /** The info string's first word, e.g. `bash` or `mermaid` ('' when none). */
  readonly lang: string;
  readonly content: string;
  /** 1-based line of the first content line. */
  readonly line: number;
}

/** Fenced blocks (``` or ~~~, three or more) in document order; an unclosed fence runs to the end. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s{0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i] ?? '');
    if (open === null) continue;
    const fence = open[1] ?? '```';
    const body: string[] = [];
    let j = i + 1;
    while (
      j < lines.length &&
      !new RegExp(`^\\s{0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(
        lines[j] ?? '',
      )
    ) {
      body.push(lines[j] ?? '');
      j++;
    }
    blocks.push({ lang: (open[2] ?? '').toLowerCase(), content: body.join('\n'), line: i + 2 });
    i = j;
  }
  return blocks;
}

/** 1-based numbers of the lines that belong to fenced blocks, fences included. */
export function fencedLines(markdown: string): Set<number> {
  const fenced = new Set<number>();
  for (const block of codeBlocks(markdown)) {
    const count = block.content.split('\n').length;
    for (let l = block.line - 1; l <= block.line + count; l++) fenced.add(l);
  }
  return fenced;
}

/** Inline code spans outside fenced blocks, with their line. */
export function inlineCode(markdown: string): { readonly code: string; readonly line: number }[] {
  const fenced = fencedLines(markdown);
  return markdown.split('\n').flatMap((text, i) =>
    fenced.has(i + 1)
      ? []
      : [...text.matchAll(/(`+)([^`]+?)\1/g)].map((m) => ({
          code: (m[2] ?? '').trim(),
          line: i + 1,
        })),
  );
}
