// Redocly lint rules for the split spec/ tree (plugin "spec-tree", enabled in redocly.yaml).
//
// Redocly's own naming and no-unused-components rules look at a document's `components` map;
// spec/openapi.yaml has none: components are files under spec/components/<kind>/, reached by
// `$ref`. These rules look at the files instead:
// - component-file-names: a schema, response or header file is named in PascalCase (the file name
//   is the component's name in the bundle and in the generated types, `Schema<"Name">`); a
//   parameter file is named after the parameter (`name`).
// - no-unused-component-files: every file under spec/components/ is reached by some `$ref` (an
//   unused file would silently drop out of the bundle).
// - no-single-use-responses: a response file is shared by two operations or more; an answer of
//   one operation is written in the operation (spec/README.md, "Where things go").
import { readdirSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";

const PASCAL = /^[A-Z][a-zA-Z0-9]+$/;

/** The component kind and name of a file under <root dir>/components/<kind>/<name>.yaml, else undefined. */
function componentOf(file, rootDir) {
  const rel = relative(join(rootDir, "components"), file);
  const parts = rel.split(sep);
  if (parts.length !== 2 || rel.startsWith("..") || !parts[1].endsWith(".yaml")) return undefined;
  return { kind: parts[0], name: basename(parts[1], ".yaml") };
}

function rootDirOf(ctx) {
  return dirname(ctx.location.source.absoluteRef);
}

function ComponentFileNames() {
  let rootDir;
  const seen = new Set();
  return {
    Root: { enter: (_, ctx) => (rootDir = rootDirOf(ctx)) },
    ref: {
      leave(_ref, ctx, resolved) {
        const file = resolved?.location?.source?.absoluteRef;
        if (!file || !rootDir || seen.has(file)) return;
        seen.add(file);
        const component = componentOf(file, rootDir);
        if (!component) return;
        const { kind, name } = component;
        if (kind === "parameters") {
          const expected = resolved.node?.name;
          if (typeof expected === "string" && name !== expected) {
            ctx.report({
              message: `Parameter file ${kind}/${name}.yaml must be named after its parameter: ${expected}.yaml.`,
              location: ctx.location,
            });
          }
        } else if (!PASCAL.test(name)) {
          ctx.report({
            message: `Component file ${kind}/${name}.yaml: the name must be PascalCase (it is the name in the generated types).`,
            location: ctx.location,
          });
        }
      },
    },
  };
}

function NoUnusedComponentFiles() {
  let rootDir;
  const used = new Set();
  return {
    Root: {
      enter: (_, ctx) => (rootDir = rootDirOf(ctx)),
      leave(_, ctx) {
        const dir = join(rootDir, "components");
        let kinds = [];
        try {
          kinds = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
        } catch {
          return;
        }
        for (const kind of kinds) {
          for (const file of readdirSync(join(dir, kind.name))) {
            if (!file.endsWith(".yaml") || used.has(join(dir, kind.name, file))) continue;
            ctx.report({
              message: `components/${kind.name}/${file} is not used by any $ref: delete it, or use it.`,
              location: ctx.location,
            });
          }
        }
      },
    },
    ref: {
      leave(_ref, _ctx, resolved) {
        const file = resolved?.location?.source?.absoluteRef;
        if (file) used.add(file);
      },
    },
  };
}

function NoSingleUseResponses() {
  let rootDir;
  const users = new Map();
  return {
    Root: {
      enter: (_, ctx) => (rootDir = rootDirOf(ctx)),
      leave(_, ctx) {
        for (const [file, operations] of users) {
          if (operations.size !== 1) continue;
          const [operation] = operations;
          ctx.report({
            message: `components/responses/${basename(file)} is used only by ${operation}: write the response in the operation.`,
            location: ctx.location,
          });
        }
      },
    },
    Operation: {
      Response: {
        enter(_, ctx, parents) {
          const file = ctx.location.source.absoluteRef;
          if (!rootDir || componentOf(file, rootDir)?.kind !== "responses") return;
          if (!users.has(file)) users.set(file, new Set());
          users.get(file).add(parents.Operation?.operationId ?? ctx.location.pointer);
        },
      },
    },
  };
}

export default function specTreePlugin() {
  return {
    id: "spec-tree",
    rules: {
      oas3: {
        "component-file-names": ComponentFileNames,
        "no-unused-component-files": NoUnusedComponentFiles,
        "no-single-use-responses": NoSingleUseResponses,
      },
    },
  };
}
