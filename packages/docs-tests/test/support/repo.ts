import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findRepoRoot } from '../../src/repo-root.js';

export const repoRoot = findRepoRoot();
export const workflowPath = join(repoRoot, '.github', 'workflows', 'ci-cd.yml');
export const readRepoFile = (path: string): string => readFileSync(join(repoRoot, path), 'utf8');

/** Workflow files and local composite actions: everything under .github GitHub runs. */
export function githubActionFiles(): { path: string; kind: 'workflow' | 'action' }[] {
  const workflows = readdirSync(join(repoRoot, '.github', 'workflows'))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => ({ path: join('.github', 'workflows', f), kind: 'workflow' as const }));
  const actions = readdirSync(join(repoRoot, '.github', 'actions')).map((d) => ({
    path: join('.github', 'actions', d, 'action.yml'),
    kind: 'action' as const,
  }));
  return [...workflows, ...actions];
}

/** The project's Markdown documents: README.md, docs/**, infrastructure/README.md. */
export function documents(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(repoRoot, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
    );
  return ['README.md', 'infrastructure/README.md', ...walk('docs')].map((p) =>
    relative(repoRoot, join(repoRoot, p)),
  );
}
