import type { Logger } from '@opsctl/health-kit';

/**
 * Routes uncaught errors through the redacting logger before exiting: Node's default handler
 * would print the error (and any connection string inside it) to stderr unmasked.
 */
export function installCrashHandlers(logger: Logger): void {
  const crash = (kind: string) => (error: unknown) => {
    logger.fatal({ err: error }, `${kind}: exiting`);
    process.exit(1);
  };
  process.on('uncaughtException', crash('uncaught exception'));
  process.on('unhandledRejection', crash('unhandled promise rejection'));
}
