import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { validateAction } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { schemaProblems } from '../src/workflow/validate-schema.js';
import { collectExpressions, expressionProblem } from '../src/workflow/expressions.js';
import { parseWorkflow } from '../src/workflow/workflow-model.js';
import { githubActionFiles, readRepoFile, repoRoot } from './support/repo.js';

describe('the workflow files, validated offline', () => {
  it('every workflow passes action-validator (the GitHub Actions workflow schema)', () => {
    for (const file of githubActionFiles().filter((f) => f.kind === 'workflow')) {
      expect(schemaProblems(readRepoFile(file.path)), file.path).toEqual([]);
    }
  });

  it('every local composite action passes action-validator (the action schema)', () => {
    for (const file of githubActionFiles().filter((f) => f.kind === 'action')) {
      expect(validateAction(readRepoFile(file.path)).errors, file.path).toEqual([]);
    }
  });

  it('the action-validator command accepts every workflow and action file', () => {
    const bin = join(
      repoRoot,
      'packages',
      'docs-tests',
      'node_modules',
      '.bin',
      'action-validator',
    );
    for (const file of githubActionFiles()) {
      // Exits non-zero, failing the test with its report, when a file does not validate.
      execFileSync(bin, [file.path], { cwd: repoRoot, stdio: 'pipe' });
    }
  });

  it('the validator rejects a job that needs a job that does not exist', () => {
    const broken = readRepoFile('.github/workflows/ci-cd.yml').replace(
      'needs: code-quality',
      'needs: code-qualty',
    );
    expect(schemaProblems(broken).join('\n')).toContain('unresolved job code-qualty');
  });

  it('the validator rejects a key GitHub does not know', () => {
    const broken = readRepoFile('.github/workflows/ci-cd.yml').replace(
      'timeout-minutes: 15',
      'timeout-minute: 15',
    );
    expect(schemaProblems(broken).join('\n')).toContain(
      "Additional property 'timeout-minute' is not allowed",
    );
  });

  it("every ${{ }} expression and if: condition parses with GitHub's expression parser", () => {
    for (const file of githubActionFiles()) {
      const found = collectExpressions(parseWorkflow(readRepoFile(file.path)).raw);
      expect(found.length, file.path).toBeGreaterThan(file.kind === 'workflow' ? 20 : -1);
      const problems = found.flatMap((e) => {
        const problem = expressionProblem(e.expression);
        return problem === undefined ? [] : [`${file.path} ${e.path}: ${e.expression}: ${problem}`];
      });
      expect(problems).toEqual([]);
    }
  });

  it('the expression check rejects an unknown context and a dangling operator', () => {
    expect(expressionProblem('secretz.TOKEN')).toContain("Unrecognized named-value: 'secretz'");
    expect(expressionProblem("github.ref == 'refs/heads/main' &&")).toBeDefined();
    expect(expressionProblem("github.ref == 'refs/heads/main' && !cancelled()")).toBeUndefined();
  });

  it('yamllint passes with the settings in .github/yamllint.yml', () => {
    // Throws (and fails the test) with yamllint's report when it finds a problem.
    execFileSync('yamllint', ['--strict', '-c', '.github/yamllint.yml', '.github'], {
      cwd: repoRoot,
      stdio: 'pipe',
    });
  });
});
