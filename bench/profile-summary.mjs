// Summarises a .cpuprofile: the functions with the most self time and the most total time.
//   node bench/profile-summary.mjs profile.cpuprofile [rows]
import { readFileSync } from "node:fs";

const [file, rows = "30"] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, "utf8"));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const hits = new Map();
for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
const total = profile.samples.length;
const label = (n) => {
  const { functionName, url, lineNumber } = n.callFrame;
  return `${functionName || "(anonymous)"} ${url.replace(/^.*\/(node_modules\/|src\/|bench\/)/, "$1")}:${lineNumber + 1}`;
};
const self = new Map();
const inclusive = new Map();
for (const [id, count] of hits) {
  const name = label(nodes.get(id));
  self.set(name, (self.get(name) ?? 0) + count);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const l = label(nodes.get(at));
    if (seen.has(l)) continue;
    seen.add(l);
    inclusive.set(l, (inclusive.get(l) ?? 0) + count);
  }
}
const top = (map) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(rows))
    .map(([name, count]) => `${((count / total) * 100).toFixed(1).padStart(5)}%  ${name}`)
    .join("\n");
console.log(`${total} samples\n\nSelf time\n${top(self)}\n\nTotal time (incl. callees)\n${top(inclusive)}`);
