// Lets the consumer test install without the registry: everything it needs is packed from the
// node_modules that `npm ci` already filled, so no packument or tarball is ever looked up.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";

export const exec = promisify(execFile);

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const readManifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));

/** Where Node would find `name` from `from`: the nearest node_modules upward, never above `root`. */
function resolvePackageDir(name: string, from: string, root: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dir === root || dir === dirname(dir)) return undefined;
  }
}

/**
 * The installed packages reachable from `names` (resolved from `root`), following dependencies,
 * and optional/peer dependencies when installed. Read from node_modules, so it cannot drift from
 * package.json and the lockfile. Maps package name to its directory.
 */
export function dependencyClosure(root: string, names: string[]): Map<string, string> {
  const found = new Map<string, string>();
  const queue = names.map((name) => ({ name, from: root, required: true }));
  for (let next = queue.shift(); next; next = queue.shift()) {
    const dir = resolvePackageDir(next.name, next.from, root);
    if (!dir) {
      if (next.required) throw new Error(`${next.name} (needed from ${next.from}) is not installed; run npm ci`);
      continue;
    }
    const seen = found.get(next.name);
    // Installing tarballs side by side puts each at the top level: one version per name only.
    if (seen && seen !== dir) throw new Error(`two versions of ${next.name} are needed: ${seen} and ${dir}`);
    if (seen) continue;
    found.set(next.name, dir);
    const manifest = readManifest(dir);
    for (const name of Object.keys(manifest.dependencies ?? {})) queue.push({ name, from: dir, required: true });
    for (const name of Object.keys({ ...manifest.optionalDependencies, ...manifest.peerDependencies })) {
      queue.push({ name, from: dir, required: false });
    }
  }
  return found;
}

/**
 * Environment for npm that ignores the caller's npm settings and ~/.npm: a fresh empty cache and
 * config inside `dir`, and `registry` (a local trap), so a look-up can neither reach the network
 * nor be answered from an earlier run's cache.
 */
export function isolatedNpmEnv(dir: string, registry: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  // Two files: npm refuses to load one file as both user and global config.
  const userconfig = join(dir, "user.npmrc");
  const globalconfig = join(dir, "global.npmrc");
  writeFileSync(userconfig, "");
  writeFileSync(globalconfig, "");
  return {
    ...env,
    npm_config_cache: join(dir, "npm-cache"),
    npm_config_userconfig: userconfig,
    npm_config_globalconfig: globalconfig,
    npm_config_registry: registry,
    npm_config_fetch_retries: "0",
    npm_config_update_notifier: "false",
  };
}

/** `npm pack`s each directory into `destination`; maps package name to tarball. No lifecycle scripts: they would rebuild and print into npm's JSON. */
export async function packDirectories(
  dirs: string[],
  destination: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<Map<string, string>> {
  const { stdout } = await exec("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", destination, ...dirs], { cwd, env });
  return new Map(
    (JSON.parse(stdout) as { name: string; filename: string }[]).map((entry) => [entry.name, join(destination, entry.filename)]),
  );
}

export interface PackedApp {
  /** The temporary folder holding the app (and the tarballs); remove it when done. */
  temp: string;
  /** The app: a package.json and node_modules with the packed package installed. */
  dir: string;
  /** What the lockfile says was installed, and from where. */
  installed: { names: string[]; notLocal: string[]; closure: string[] };
}

/**
 * Builds and packs this package, then installs it (with its dependency closure and @types/node,
 * packed from node_modules) into a fresh app with an isolated npm whose registry is `registry`
 * (a trap: it must see no request).
 */
export async function installPackedApp(root: string, registry: string, options: { optionalPeers?: boolean } = {}): Promise<PackedApp> {
  const temp = mkdtempSync(join(tmpdir(), "convert-consumer-"));
  const env = isolatedNpmEnv(temp, registry);
  const tarballs = join(temp, "tarballs");
  const dir = join(temp, "app");
  mkdirSync(dir);
  mkdirSync(tarballs);
  await exec("npm", ["run", "build"], { cwd: root, env });
  const manifestOf = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { dependencies?: object; peerDependencies?: object };
  const production = Object.keys(manifestOf.dependencies ?? {});
  // Optional peers (tough-cookie for sessions) installed too, as a session user would, unless told not to.
  const peers = options.optionalPeers === false ? [] : Object.keys(manifestOf.peerDependencies ?? {});
  const closure = dependencyClosure(root, [...production, ...peers, "@types/node"]);
  const packed = await packDirectories([root, ...closure.values()], tarballs, env, root);
  // A consumer's own dependencies, as a user would list them; `overrides` point every transitive
  // package at its local tarball too, so npm has no version range left to look up in a registry.
  const local = (names: string[]) => Object.fromEntries(names.map((name) => [name, `file:${packed.get(name)}`]));
  const direct = ["convert-api-client", "@types/node", ...peers];
  const manifest = {
    name: "consumer",
    private: true,
    dependencies: local(direct),
    overrides: local([...closure.keys()].filter((name) => !direct.includes(name))),
  };
  writeFileSync(join(dir, "package.json"), JSON.stringify(manifest));
  await exec("npm", ["install", "--no-audit", "--no-fund"], { cwd: dir, env });
  const lock = JSON.parse(readFileSync(join(dir, "package-lock.json"), "utf8")) as { packages: Record<string, { resolved?: string }> };
  const entries = Object.entries(lock.packages).filter(([path]) => path !== "");
  return {
    temp,
    dir,
    installed: {
      names: entries.map(([path]) => path.replace(/^node_modules\//, "")).sort(),
      notLocal: entries.filter(([, entry]) => !entry.resolved?.startsWith("file:")).map(([path]) => path),
      closure: [...packed.keys()].sort(),
    },
  };
}
