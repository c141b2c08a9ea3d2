import { JSDOM } from 'jsdom';

export type MermaidResult =
  | { readonly ok: true; readonly diagramType: string }
  | { readonly ok: false; readonly message: string };

export interface MermaidParser {
  parse(source: string): Promise<MermaidResult>;
}

/**
 * Mermaid's own parser (the one GitHub's renderer runs), under Node. Mermaid sanitises labels with
 * DOMPurify, which needs a DOM: a jsdom window is installed as `window`/`document` before mermaid
 * is loaded, and only if none is there. Nothing is rendered, so no browser is needed.
 */
export async function createMermaidParser(): Promise<MermaidParser> {
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  const globals = globalThis as { window?: unknown; document?: unknown };
  globals.window ??= dom.window;
  globals.document ??= dom.window.document;
  const { default: mermaid } = await import('mermaid');
  mermaid.initialize({ startOnLoad: false });
  return {
    async parse(source) {
      try {
        const result = await mermaid.parse(source);
        return { ok: true, diagramType: result.diagramType };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
