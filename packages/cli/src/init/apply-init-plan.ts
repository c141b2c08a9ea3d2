import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { InitPlan } from './init-plan.js';

/** What happened to one file. */
export type InitFileAction = 'created' | 'replaced' | 'appended';

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );

/** The plan's files that would replace a file already there (all checked before any write). */
export async function existingTargets(dir: string, plan: InitPlan): Promise<string[]> {
  const creates = plan.files.filter((f) => f.mode === 'create');
  const found = await Promise.all(creates.map((f) => exists(resolve(dir, f.path))));
  return creates.filter((_, i) => found[i]).map((f) => f.path);
}

/** Writes every file of the plan and says what each write did. */
export async function applyInitPlan(
  dir: string,
  plan: InitPlan,
  replacing: ReadonlySet<string>,
): Promise<{ path: string; action: InitFileAction }[]> {
  const done: { path: string; action: InitFileAction }[] = [];
  for (const file of plan.files) {
    const path = resolve(dir, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
    const action =
      file.mode === 'append' ? 'appended' : replacing.has(file.path) ? 'replaced' : 'created';
    done.push({ path: file.path, action });
  }
  return done;
}
