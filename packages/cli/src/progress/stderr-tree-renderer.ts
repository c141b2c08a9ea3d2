import { DefaultRenderer } from 'listr2';

/**
 * listr2's task tree, drawn even when stdout is not a terminal: listr2 checks process.stdout,
 * but progress goes to stderr, whose terminal `chooseRenderer` has already checked
 * (`opsctl deploy staging > result.txt` still shows the tree).
 */
export class StderrTreeRenderer extends DefaultRenderer {
  static override nonTTY = true;
}
