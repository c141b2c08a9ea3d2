// s3rver ships no type declarations; this is the part of its API the tests use.
declare module 's3rver' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface S3rverOptions {
    address?: string;
    port?: number;
    directory: string;
    silent?: boolean;
    /** The domain of virtual-host addressed buckets: <bucket>.s3.<serviceEndpoint>. */
    serviceEndpoint?: string;
    configureBuckets?: { name: string }[];
  }
  export default class S3rver {
    constructor(options: S3rverOptions);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
    /** Creates the configured buckets (run() does this before it listens). */
    configureBuckets(): Promise<void>;
    /** The request handler, to serve from a server of one's own. */
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
  }
}
