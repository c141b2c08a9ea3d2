import { fileURLToPath } from 'node:url';

/** The suite uses the checkout's own state dir, like `opsctl local up` does. */
export const testStateDir = (): string =>
  process.env.OPSCTL_STATE_DIR ??
  fileURLToPath(new URL('../../../../.opsctl/local', import.meta.url));
