import { codeBlocks, inlineCode } from '../markdown/code-blocks.js';
import { findInvocations, type Invocation } from './find-invocations.js';

/** Fenced blocks that hold commands to type (not YAML, JSON or diagrams). */
const SHELL_LANGS = new Set(['', 'bash', 'sh', 'shell', 'console', 'zsh']);

/**
 * Every opsctl command line a document shows: in shell code blocks (a leading `$ ` prompt is
 * dropped) and in inline code. The program's bare name (`./bin/opsctl`) and a generic form whose
 * command is a placeholder, such as `opsctl <command> --help`, name no command and are left out.
 */
export function documentedInvocations(markdown: string): Invocation[] {
  const inBlocks = codeBlocks(markdown)
    .filter((b) => SHELL_LANGS.has(b.lang))
    .flatMap((b) =>
      findInvocations(b.content.replace(/^(\s*)\$ /gm, '$1')).map((i) => ({
        ...i,
        line: b.line + i.line - 1,
      })),
    );
  const inline = inlineCode(markdown).flatMap((c) =>
    findInvocations(c.code).map((i) => ({ ...i, line: c.line })),
  );
  return [...inBlocks, ...inline]
    .filter((i) => i.argv.length > 0 && !/^<.*>$/.test(i.argv[0] ?? ''))
    .sort((a, b) => a.line - b.line);
}
