#!/usr/bin/env node
// This checkout's opsctl: the core CLI with its plugins and @opsctl/plugin-local (see
// src/checkout/load-options.ts). ./bin/opsctl runs it.
import { execute } from '@oclif/core';
import { checkoutLoadOptions } from '../dist/checkout/load-options.js';

await execute({ loadOptions: await checkoutLoadOptions() });
