#!/usr/bin/env node
'use strict';
// The command is compiled by `npm run build:node` (run by `npm ci` through the prepare script).
// It runs in a child process with a capped heap (src/cli/supervise.ts).
require('../build/src/cli/supervise.js').supervise(process.argv.slice(2));
