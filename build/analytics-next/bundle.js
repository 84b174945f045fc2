// The hub serves Segment's browser library from its own files (core/ConnectorHub.Host/Api/Tracking/Browser/Bundle).
// They are the package's prebuilt standalone bundle and its lazily loaded chunks, unchanged, with the package's MIT
// license, copied from the version package-lock.json pins:
//   npm ci && node bundle.js copy ../../core/ConnectorHub.Host/Api/Tracking/Browser/Bundle
// `node bundle.js verify <folder>` prints {"version","missing","different","extra"} comparing the folder with the package.
"use strict";
const fs = require("fs");
const path = require("path");

const [mode, folder] = process.argv.slice(2);
const packageDir = path.join(__dirname, "node_modules", "@segment", "analytics-next");
const umd = path.join(packageDir, "dist", "umd");
const version = require(path.join(packageDir, "package.json")).version;

// The standalone bundle (what Segment's CDN serves as analytics.min.js), the chunks it loads on demand, the license.
const files = new Map(
  fs.readdirSync(umd)
    .filter((name) => name === "standalone.js" || /^[\w-]+\.bundle\.[0-9a-f]+\.js$/.test(name))
    .map((name) => [name, path.join(umd, name)])
);
files.set("LICENSE.MD", path.join(packageDir, "LICENSE.MD"));

if (mode === "copy") {
  fs.mkdirSync(folder, { recursive: true });
  for (const name of fs.readdirSync(folder)) {
    if (name !== "README.md" && !files.has(name)) fs.rmSync(path.join(folder, name));
  }
  for (const [name, source] of files) fs.copyFileSync(source, path.join(folder, name));
  process.stdout.write(JSON.stringify({ version, copied: [...files.keys()] }));
} else if (mode === "verify") {
  const present = new Set(fs.readdirSync(folder).filter((name) => name !== "README.md"));
  const missing = [...files.keys()].filter((name) => !present.has(name));
  const different = [...files].filter(([name, source]) => present.has(name) && !fs.readFileSync(source).equals(fs.readFileSync(path.join(folder, name)))).map(([name]) => name);
  const extra = [...present].filter((name) => !files.has(name));
  process.stdout.write(JSON.stringify({ version, missing, different, extra }));
} else {
  process.stderr.write("Usage: node bundle.js copy|verify <folder>\n");
  process.exit(2);
}
