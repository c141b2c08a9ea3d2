import { fencedLines } from './code-blocks.js';

/** A link to a file of the repository: `target` is '' for a link within the same document. */
export interface RelativeLink {
  readonly target: string;
  readonly anchor: string | undefined;
  readonly line: number;
}

/** Links written as [text](target#anchor) outside code; links with a scheme (https:, mailto:) are left out. */
export function relativeLinks(markdown: string): RelativeLink[] {
  const fenced = fencedLines(markdown);
  return markdown.split('\n').flatMap((text, i) =>
    fenced.has(i + 1)
      ? []
      : [...text.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
          .map((m) => m[1] ?? '')
          .filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t))
          .map((link) => {
            const [target = '', anchor] = link.split('#');
            return { target, anchor, line: i + 1 };
          }),
  );
}

/** The anchors GitHub gives a document's headings: lower case, punctuation dropped, spaces as dashes. */
export function headingAnchors(markdown: string): Set<string> {
  const fenced = fencedLines(markdown);
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  markdown.split('\n').forEach((text, i) => {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
    if (heading === null || fenced.has(i + 1)) return;
    const slug = (heading[1] ?? '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  });
  return anchors;
}
