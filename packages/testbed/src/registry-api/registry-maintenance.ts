/**
 * What only the registry's host can do: run the garbage collector (the registry has no HTTP API
 * for it) and measure storage. The local environment runs these with `docker exec` in the
 * registry container; tests run them against a registry process in a temp dir.
 */
export interface RegistryMaintenance {
  /** Runs `registry garbage-collect` to completion and returns what it printed. */
  readonly garbageCollect: () => Promise<string>;
  /** Bytes held by the registry's storage now. */
  readonly storageUsageBytes: () => Promise<number>;
}

export interface GarbageCollectSummary {
  readonly blobsDeleted: number;
  readonly manifestsDeleted: number;
}

/** Reads the collector's summary line, e.g. "3 blobs marked, 2 blobs and 1 manifests eligible for deletion". */
export function parseGarbageCollectOutput(output: string): GarbageCollectSummary {
  const m = /(\d+) blobs marked, (\d+) blobs and (\d+) manifests eligible for deletion/.exec(
    output,
  );
  if (!m)
    throw new Error(
      `registry garbage-collect printed no summary line; output was:\n${output.slice(-2000)}`,
    );
  return { blobsDeleted: Number(m[2]), manifestsDeleted: Number(m[3]) };
}
