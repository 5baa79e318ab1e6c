// The part of an operation's --help that commander does not write: the body's fields (types,
// required, enums, descriptions, all from the spec). The example command is example-call.ts's.
import type { Help } from "commander";
import { type BodyInfo, type Spec, typeText } from "./spec.js";

/** "Body fields:" with one item per top-level field, required ones first, formatted like commander's option list. */
export function formatBodyHelp(spec: Spec, body: BodyInfo, helper: Help): string {
  if (body.fields.length === 0) return "";
  const fields = [...body.fields.filter((field) => field.required), ...body.fields.filter((field) => !field.required)];
  const items = fields.map((field) => ({
    term: field.name,
    description: `${field.description}${field.description ? " " : ""}(${typeText(spec, field.schema)}${field.required ? "; required" : ""})`,
  }));
  const termWidth = Math.min(28, Math.max(...items.map((item) => item.term.length)));
  const heading = `Body fields (JSON for --body${body.multipart ? "; files with --file" : ""}${body.variants.length > 0 ? `; one of ${body.variants.join(", ")}` : ""}):`;
  const lines = items.map((item) => helper.formatItem(item.term, termWidth, item.description, helper));
  return `${helper.boxWrap(heading, helper.helpWidth ?? 80)}\n${lines.join("\n")}\n`;
}
