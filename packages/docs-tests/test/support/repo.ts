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

/** The project's Markdown documents: every .md file outside node_modules, dist and tool caches. */
export function documents(): string[] {
  const skip = new Set([
    'node_modules',
    'dist',
    'coverage',
    '.git',
    '.turbo',
    '.tools',
    '.opsctl',
    '.terraform',
  ]);
  const walk = (dir: string): string[] =>
    readdirSync(join(repoRoot, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? skip.has(e.name)
          ? []
          : walk(join(dir, e.name))
        : e.name.endsWith('.md')
          ? [join(dir, e.name)]
          : [],
    );
  return walk('.').map((p) => relative(repoRoot, join(repoRoot, p)));
}
