import type { ExpressionContext } from '../../src/workflow/evaluate.js';

/** The contexts GitHub gives a run, for the events the workflow reacts to. */
const base = { vars: {}, secrets: {}, inputs: {}, env: {}, runner: { os: 'Linux' } };

export const pullRequestInto = (branch: string): ExpressionContext => ({
  ...base,
  github: {
    event_name: 'pull_request',
    ref: 'refs/pull/7/merge',
    ref_type: 'branch',
    base_ref: branch,
  },
});

export const pushTo = (branch: string, before = 'a'.repeat(40)): ExpressionContext => ({
  ...base,
  github: {
    event_name: 'push',
    ref: `refs/heads/${branch}`,
    ref_type: 'branch',
    ref_name: branch,
    event: { before },
  },
});

export const pushTag = (tag: string): ExpressionContext => ({
  ...base,
  github: {
    event_name: 'push',
    ref: `refs/tags/${tag}`,
    ref_type: 'tag',
    ref_name: tag,
    event: { before: '0'.repeat(40) },
  },
});

export const dispatchRollback = (
  environment: string,
  sha: string,
  runId = '1001',
): ExpressionContext => ({
  ...base,
  inputs: { environment, sha },
  github: {
    event_name: 'workflow_dispatch',
    ref: 'refs/heads/main',
    ref_type: 'branch',
    run_id: runId,
  },
});
