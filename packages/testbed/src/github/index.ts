export { startGitHubStandIn } from './stand-in.js';
export type { GitHubStandIn, GitHubStandInOptions } from './stand-in.js';
