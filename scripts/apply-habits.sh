#!/usr/bin/env bash
# Brings the whole tree to the team's habits in one go (run once on a merged tree, then review the diff):
#   1. Prettier formats every file it owns (.prettierrc.json, .prettierignore);
#   2. long string and template literals that Prettier cannot wrap are split at a space into
#      'first part ' + 'rest' (scripts/split-long-strings.mjs: same value, checked by the typecheck);
#   3. Prettier again, to lay the split literals out; then ESLint fixes what it can by itself;
#   4. what is left is listed as file:line, lines over 140 characters first, then the other lint errors by rule.
# It exits non-zero while anything is left, so `npm test` would still fail.
set -uo pipefail
cd "$(dirname "$0")/.."

npx prettier --write --log-level warn .
node scripts/split-long-strings.mjs
npx prettier --write --log-level warn .
npx eslint --fix . >/dev/null

report="$(mktemp)"
trap 'rm -f "$report"' EXIT
npx eslint -f json -o "$report" .
node - "$report" <<'JS'
const { readFileSync } = require('node:fs');
const path = require('node:path');
const results = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const relative = (file) => path.relative(process.cwd(), file);
const all = results.flatMap((result) => result.messages.map((message) => ({ file: relative(result.filePath), ...message })));
const long = all.filter((message) => message.ruleId === '@stylistic/max-len');
const other = all.filter((message) => message.ruleId !== '@stylistic/max-len');
console.log(`\nLines over 140 characters: ${long.length}`);
for (const message of long) console.log(`  ${message.file}:${message.line}  ${message.message.replace(/^This line has a length of (\d+).*/, '$1 characters')}`);
const byRule = new Map();
for (const message of other) byRule.set(message.ruleId ?? 'parse error', [...(byRule.get(message.ruleId ?? 'parse error') ?? []), message]);
console.log(`\nOther lint errors: ${other.length}`);
for (const [rule, messages] of [...byRule].sort((a, b) => b[1].length - a[1].length)) {
  console.log(`  ${rule}: ${messages.length}`);
  for (const message of messages) console.log(`    ${message.file}:${message.line}  ${message.message}`);
}
process.exitCode = all.length > 0 ? 1 : 0;
JS
status=$?
echo
npx tsc -p tsconfig.json --noEmit && echo 'Typecheck: clean.' || { echo 'Typecheck: FAILED (see above).'; status=1; }
exit "$status"
