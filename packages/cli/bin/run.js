#!/usr/bin/env node
import { execute, settings } from '@oclif/core';

// opsctl and its plugins run from their compiled dist, linked ones too (`opsctl plugins link`):
// no TypeScript is transpiled at start, and no warning says it is not.
settings.enableAutoTranspile = false;
await execute({ dir: import.meta.url });
