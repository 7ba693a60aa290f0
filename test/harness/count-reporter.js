'use strict';
// Mocha reporter = spec output on the console + the run's counts written as JSON to $NNL_STATS_FILE,
// so that scripts/test.mjs can total passes/failures reliably.
const fs = require('node:fs');
const Mocha = require('mocha');

class CountReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const file = process.env.NNL_STATS_FILE;
      const s = runner.stats || this.stats || {};
      if (file) fs.writeFileSync(file, JSON.stringify({ passes: s.passes || 0, failures: s.failures || 0, pending: s.pending || 0, tests: s.tests || 0 }));
    });
  }
}

module.exports = CountReporter;
