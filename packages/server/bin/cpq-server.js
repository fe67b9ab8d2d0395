#!/usr/bin/env node
// The `cpq-server` command; the code is compiled from src (run `npm run build` first in a checkout).
import '../dist/cli.js';
