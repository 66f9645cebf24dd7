// Offline checks of manifest.xml (office-addin-manifest validate needs Microsoft's online service):
//  1. xmllint against the XML manifest schemas (../shared/schemas/office-addin-manifest, else the copy in
//     test/fixtures/manifest-schemas);
//  2. every resid names a resource the manifest defines, and every resource is used;
//  3. every URL is under the deployment URL and names a file the build emitted (when a build folder is given).
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");

function schemaDir() {
  const shared = path.resolve(ROOT, "../shared/schemas/office-addin-manifest");
  if (fs.existsSync(path.join(shared, "OfficeAppManifestV1_1.xsd"))) return shared;
  return path.join(ROOT, "test/fixtures/manifest-schemas");
}

function xmllint(file) {
  const schema = path.join(schemaDir(), "OfficeAppManifestV1_1.xsd");
  const r = spawnSync("xmllint", ["--noout", "--schema", schema, file], { encoding: "utf8" });
  if (r.error) throw new Error(`xmllint is not installed (apt-get install libxml2-utils): ${r.error.message}`);
  return r.status === 0 ? [] : [`xmllint: ${(r.stderr || r.stdout).trim()}`];
}

function resources(xml) {
  const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"/g)].map((m) => m[1]));
  const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
  const problems = [];
  for (const id of used) if (!defined.has(id)) problems.push(`resid "${id}" is not defined in <Resources>`);
  for (const id of defined) if (!used.includes(id)) problems.push(`resource "${id}" is defined but never used`);
  return problems;
}

/** Every https:// URL in the manifest, AppDomain origins aside. */
function urls(xml) {
  const values = [...xml.matchAll(/(?:DefaultValue|Value)="(https:\/\/[^"]+)"/g)].map((m) => m[1]);
  return [...new Set(values)];
}

function files(xml, buildDir, deployUrl) {
  const problems = [];
  for (const url of urls(xml)) {
    if (!url.startsWith(deployUrl)) {
      problems.push(`URL ${url} is not under the deployment URL ${deployUrl}`);
      continue;
    }
    const rel = decodeURIComponent(new URL(url).pathname.slice(new URL(deployUrl).pathname.length));
    if (!fs.existsSync(path.join(buildDir, rel)))
      problems.push(`URL ${url} names ${rel}, which the build did not emit`);
  }
  const domains = [...xml.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1]);
  for (const d of domains) {
    if (d !== new URL(deployUrl).origin) problems.push(`AppDomain ${d} is not the deployment's origin`);
  }
  return problems;
}

/** All problems with a manifest; [] when it is good. */
function checkManifest(file, options = {}) {
  const xml = fs.readFileSync(file, "utf8");
  const problems = [...xmllint(file), ...resources(xml)];
  if (options.buildDir) problems.push(...files(xml, options.buildDir, options.deployUrl));
  return problems;
}

module.exports = { checkManifest, schemaDir, urls };

if (require.main === module) {
  // npm run validate: the source manifest; with a build folder, the built one and its files.
  const buildDir = process.argv[2];
  const file = buildDir ? path.join(buildDir, "manifest.xml") : path.join(ROOT, "manifest.xml");
  const deployUrl = buildDir ? process.env.DEPLOY_URL || "https://localhost:3000/" : "https://localhost:3000/";
  const problems = checkManifest(file, buildDir ? { buildDir, deployUrl } : {});
  for (const p of problems) console.error(p);
  console.log(problems.length === 0 ? `${file}: valid` : `${file}: ${problems.length} problem(s)`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
