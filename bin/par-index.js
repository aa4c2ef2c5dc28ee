#!/usr/bin/env node
'use strict';
// The CLI is compiled to lib/ by `npm install` (prepare) or `npm run build:cli`.
let cli;
try {
  cli = require('../lib/cli/main.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('lib/cli/main.js')) {
    process.stderr.write('par-index chưa được biên dịch. Chạy: npm run build:cli\n');
    process.exit(2);
  }
  throw e;
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`par-index: lỗi không mong đợi: ${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 2;
  },
);
