// Bundle entry.mjs (minified IIFE) and collect the licences of what it includes.
import { build } from "esbuild";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const OUT = new URL("../../graph/serve_assets/vendor/", import.meta.url).pathname;
const result = await build({
  entryPoints: ["entry.mjs"], bundle: true, minify: true, format: "iife", target: "es2020",
  legalComments: "none", metafile: true, write: false,
  banner: { js: "/* CodeMirror 6 (MIT, Marijn Haverbeke and others) with the SPARQL mode; licences: codemirror.LICENSE.txt */" },
});
writeFileSync(join(OUT, "codemirror.min.js"), result.outputFiles[0].contents);

// One licence section per npm package the bundle includes, by name and version.
const packages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (m) packages.add(m[1]);
}
const sections = [...packages].sort().map((name) => {
  const dir = join("node_modules", name);
  const meta = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const licence = readFileSync(join(dir, "LICENSE"), "utf8").trim();
  return `${name}@${meta.version} (${meta.license})\n\n${licence}\n`;
});
writeFileSync(join(OUT, "codemirror.LICENSE.txt"),
  "Third-party code bundled in codemirror.min.js (built by js/editor/build.mjs).\n\n" +
  sections.join("\n" + "-".repeat(72) + "\n\n"));
console.log(`codemirror.min.js: ${result.outputFiles[0].contents.length} bytes, ${packages.size} packages`);
