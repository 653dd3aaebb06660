#!/usr/bin/env node
'use strict';
// The command is compiled by `npm run build:node` (run by `npm ci` through the prepare script).
const { main } = require('../build/src/cli/main.js');
process.exitCode = main(process.argv.slice(2));
