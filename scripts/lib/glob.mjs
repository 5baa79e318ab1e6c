// Allow-list patterns (spec/live-differences.json, spec/live-request-differences.json): `*` stands
// for any text, everything else for itself.

/** A RegExp that matches the whole of a text against `pattern`. */
export function glob(pattern) {
  const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${pattern.split("*").map(literal).join(".*")}$`);
}
