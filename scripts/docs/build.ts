// `npm run docs`: the HTML reference in build/docs/, loading nothing from the internet.
//
// - build/docs/index.html: the API reference (Redocly) of a copy of generated/openapi.json with
//   a TypeScript and a command-line sample for every operation (x-codeSamples) and links to the
//   client's own reference. generated/openapi.json itself stays as `npm run generate` writes it.
// - build/docs/client/: the client library's reference (TypeDoc): options, per-call options, auth
//   types, errors, pagination, logger events, from the declarations and their comments.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Spec, specOperations } from "../../src/cli/spec.js";
import { buildClientReference } from "./client-reference.js";
import { codeSamples } from "./code-samples.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const out = join(root, "build/docs");
/** Where the client reference lives, relative to the API reference. */
export const CLIENT_REFERENCE = "client/index.html";

/** The bundled spec with the reference's additions: code samples and links. */
export function referenceSpec(spec: Spec & { info: { description?: string } }): unknown {
  const copy = structuredClone(spec) as typeof spec;
  const samples = new Map(codeSamples(copy).map((sample) => [sample.operationId, sample]));
  for (const { operation } of specOperations(copy)) {
    const sample = samples.get(operation.operationId!);
    if (!sample) continue;
    (operation as Record<string, unknown>)["x-codeSamples"] = [
      { lang: "TypeScript", label: "TypeScript", source: sample.typescript },
      { lang: "Shell", label: "CLI", source: sample.cli },
    ];
  }
  copy.info.description = `${CLIENT_INTRO}\n${copy.info.description ?? ""}`;
  return copy;
}

const CLIENT_INTRO = `**convert-api-client**: every operation below is a method of the TypeScript client,
\`convert.<operationId>({ path, query, body })\`, and a command, \`convert-api <operationId>\`; each
operation shows both in its samples. The client's own options, per-call options, auth types,
errors, pagination and logger events are in the [client reference](${CLIENT_REFERENCE}).
`;

/**
 * Redoc's sidebar shows a "by Redocly" logo fetched from Redocly's CDN, with no option to turn it
 * off: the page points it at an inline image instead, so the credit stays and nothing is fetched.
 */
const ATTRIBUTION_LOGOS = ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", "https://cdn.redoc.ly/redoc/logo-mini.svg"];
const INLINE_LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="52" height="14"><text x="0" y="11" font-family="sans-serif" font-size="11" fill="#666">Redocly</text></svg>',
)}`;

/**
 * Redoc shows an operation's x-codeSamples only in the languages listed here, keyed by the
 * sample's label in lower case; "payload" is the request body's example.
 */
const REDOC_OPTIONS = {
  codeSamples: {
    languages: [
      { key: "typescript", label: "TypeScript", lang: "typescript" },
      { key: "cli", label: "CLI", lang: "bash" },
      { key: "payload", label: "Payload", lang: "payload" },
    ],
  },
};

function buildApiReference(): void {
  const spec = JSON.parse(readFileSync(join(root, "generated/openapi.json"), "utf8"));
  const specFile = join(out, "openapi.json");
  writeFileSync(specFile, `${JSON.stringify(referenceSpec(spec), null, 2)}\n`);
  const redocly = join(createRequire(import.meta.url).resolve("@redocly/cli/package.json"), "../bin/cli.js");
  const page = join(out, "index.html");
  execFileSync(
    process.execPath,
    [
      redocly,
      "build-docs",
      specFile,
      "--inlineBundle",
      "--title",
      "Convert API v2 reference",
      "--template",
      join(here, "template.hbs"),
      "--output",
      page,
      "--openapi",
      JSON.stringify(REDOC_OPTIONS),
    ],
    {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    },
  );
  let html = readFileSync(page, "utf8");
  for (const logo of ATTRIBUTION_LOGOS) {
    // A Redocly release that renames the logo fails here, not silently in the browser test.
    if (!html.includes(logo)) throw new Error(`build/docs/index.html no longer mentions ${logo}: check what the page loads now`);
    html = html.replaceAll(logo, INLINE_LOGO);
  }
  writeFileSync(page, html);
}

async function main(): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const started = performance.now();
  buildApiReference();
  const api = performance.now();
  await buildClientReference(join(out, "client"));
  const client = performance.now();
  console.log(
    `build/docs/index.html (API reference, ${((api - started) / 1000).toFixed(1)} s) and build/docs/${CLIENT_REFERENCE} (client reference, ${((client - api) / 1000).toFixed(1)} s)`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
