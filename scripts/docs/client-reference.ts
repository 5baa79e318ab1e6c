// The client library's own reference, build/docs/client/, made by TypeDoc from the declarations
// and doc comments of the two entry points (convert-api-client and convert-api-client/session).
// The types generated from the spec (`components`, `operations`, `paths`) are left out: thousands
// of members that the API reference (build/docs/index.html) already tells, in its own terms.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Application, Comment, Converter, ReflectionKind } from "typedoc";
import { describeOperation, loadSpec } from "../../src/cli/spec.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Exported from the entry point, documented elsewhere: the types generated from the spec. */
export const GENERATED_TYPES = ["components", "operations", "paths"];

/**
 * Internal helper types that public types are built from; TypeDoc would warn that they are not
 * exported. Any other unexported type a public one refers to is a warning, so that a gap in the
 * public surface shows.
 */
const INTERNAL_HELPERS = [
  // The generated types the public ones are built from (`paths` is referenced by none).
  "components",
  "operations",
  // What the client needs of a ConvertSession (a symbol-keyed method), the keys of
  // components["schemas"], and the request facts an error's constructor takes.
  "SessionCredentials",
  "SchemaName",
  "RequestInfo",
  "Simplify",
  "Part",
  "PathWithDefaults",
  "Params",
  "BodyPart",
  "Items",
  "Readable",
  "Writable",
];

/**
 * The operation's anchor in the API reference, `#/<tag slug>/<operationid>`, as Redoc names it
 * (test/docs/api-reference.test.ts checks every one against the page's menu).
 */
export function operationAnchor(tag: string, operationId: string): string {
  const slug = tag
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `#/${slug}/${operationId.toLowerCase()}`;
}

export async function buildClientReference(out: string): Promise<void> {
  const app = await Application.bootstrapWithPlugins({
    entryPoints: [join(root, "src/index.ts"), join(root, "src/session/index.ts")],
    // The sources only: the repository's tsconfig also takes in tests and scripts (seconds more).
    tsconfig: join(root, "scripts/docs/tsconfig.client-reference.json"),
    name: "convert-api-client",
    readme: join(root, "docs/client-reference.md"),
    excludePrivate: true,
    excludeProtected: true,
    excludeInternal: true,
    // The generated types count as external, and external declarations are left out.
    externalPattern: ["**/node_modules/**", "**/generated/openapi-types.ts"],
    excludeExternals: true,
    // Source links would point at a repository host; the reference stays self-contained.
    disableSources: true,
    hideGenerator: true,
    navigationLinks: { "API reference": "../index.html" },
    intentionallyNotExported: INTERNAL_HELPERS,
    treatWarningsAsErrors: true,
    logLevel: "Warn",
  });
  // Each operation method of ConvertClient says what it does and links to its operation in the API reference.
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const spec = loadSpec();
    const client = context.project.getChildByName(["convert-api-client", "ConvertClient"]);
    for (const method of client?.kind === ReflectionKind.Interface
      ? ((client as { children?: { name: string; comment?: Comment }[] }).children ?? [])
      : []) {
      const info = describeOperation(spec, method.name);
      if (!info || method.comment) continue;
      method.comment = new Comment([
        { kind: "text", text: `${info.summary}: \`${info.method} ${info.path}\`. ` },
        {
          kind: "text",
          text: `Parameters, body, answer and samples: [API reference](../../index.html${operationAnchor(info.tag, info.operationId)}).`,
        },
      ]);
    }
  });
  const project = await app.convert();
  if (!project || app.logger.hasErrors()) throw new Error("TypeDoc could not convert the client's declarations (see above)");
  app.validate(project);
  if (app.logger.hasErrors()) throw new Error("TypeDoc found gaps in the public surface (see above)");
  await app.generateDocs(project, out);
  if (app.logger.hasErrors()) throw new Error("TypeDoc reported errors (see above)");
}
