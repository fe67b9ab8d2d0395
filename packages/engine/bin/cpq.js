#!/usr/bin/env node
// The `cpq` command; the code is compiled from src/cli (run `npm run build` first in a checkout).
import '../dist/cli/main.js';
