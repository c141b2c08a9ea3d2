export { findRepoRoot } from './repo-root.js';
export type {
  CliManifest,
  ManifestCommand,
  ManifestFlag,
  ManifestArg,
} from './manifest/cli-manifest.js';
export {
  loadManifest,
  parseManifest,
  manifestPath,
  sortedCommands,
} from './manifest/load-manifest.js';
export { splitCommands, type SimpleCommand } from './invocation/shell-words.js';
export { findInvocations, strayMentions, type Invocation } from './invocation/find-invocations.js';
export { checkInvocation, type InvocationCheck } from './invocation/check-invocation.js';
export { parseWorkflow, jobById, upstreamJobs } from './workflow/workflow-model.js';
export type { Workflow, WorkflowJob, WorkflowStep } from './workflow/workflow-model.js';
export { schemaProblems } from './workflow/validate-schema.js';
export { lockWaitMinutes, secretsIn } from './workflow/step-secrets.js';
export { collectExpressions, expressionProblem } from './workflow/expressions.js';
export { actionRefs, pinProblems, type ActionRef } from './workflow/action-refs.js';
export { codeBlocks, fencedLines, inlineCode, type CodeBlock } from './markdown/code-blocks.js';
export { headingAnchors, relativeLinks, type RelativeLink } from './markdown/links.js';
export {
  createMermaidParser,
  type MermaidParser,
  type MermaidResult,
} from './mermaid/mermaid-parser.js';
export {
  renderCommandIndex,
  renderCommandReference,
  replaceBetweenMarkers,
} from './reference/command-reference.js';
export { expectedReferenceFiles } from './reference/reference-files.js';
export {
  conditionHolds,
  interpolate,
  jobsThatRun,
  type ExpressionContext,
} from './workflow/evaluate.js';
export { documentedInvocations } from './invocation/documented-invocations.js';
