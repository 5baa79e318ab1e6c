import { ConvertConfigError } from "../errors.js";

/** A path parameter's type in the spec; `undefined` for templates the spec does not know. */
export type PathParamType = "integer" | "string" | undefined;

const DECIMAL = /^[1-9][0-9]*$/;
const PERCENT_ESCAPE = /%([0-9a-f]{2})/gi;

/**
 * Checks one path parameter value and returns it as the text that fills its `{name}`, which is
 * then percent-encoded as exactly one segment. Refused, before anything is sent:
 * - `.` and `..`, also percent-encoded or padded with white space: URL parsing (ours, a proxy's or
 *   the server's) removes dot-segments, so `goal_id: ".."` would turn "delete a goal" into
 *   "delete the project";
 * - empty or blank values, which leave an empty segment (`/goals//delete`);
 * - for integer parameters, anything but a positive safe integer or its plain decimal text
 *   (no sign, exponent, fraction, leading zero or white space): an id above 2^53 has already
 *   been rounded by JSON.parse, and sending it would address another object.
 */
export function checkPathParam(where: string, name: string, value: unknown, type: PathParamType, missingHint = ""): string {
  const problem = (what: string) => new ConvertConfigError(`${where}: path parameter ${name} ${what}`);
  if (value === undefined || value === null) throw problem(`is missing${missingHint}`);
  if (type === "integer") {
    const whole = typeof value === "number" ? value : typeof value === "string" && DECIMAL.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(whole) || whole <= 0) throw problem("must be a positive whole number (a safe integer)");
    return String(whole);
  }
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value) || value < 0) throw problem("must be a string or a whole number >= 0 (a safe integer)");
    return String(value);
  }
  if (typeof value !== "string") throw problem("must be a string or a number");
  try {
    encodeURIComponent(value);
  } catch {
    throw problem("is not well-formed Unicode text"); // a lone surrogate cannot be encoded
  }
  const decoded = decodeEscapes(value).trim();
  if (decoded === "") throw problem("must not be empty or only white space");
  if (decoded === "." || decoded === "..") throw problem('must not be "." or ".." (it would change which operation is called)');
  return value;
}

/** Undoes percent-escapes, repeatedly (`%252e` is `%2e` once decoded, then `.`). */
function decodeEscapes(value: string): string {
  let current = value;
  for (let round = 0; round < 8 && current.includes("%"); round++) {
    const next = current.replace(PERCENT_ESCAPE, (_escape, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * Fills a path template: each `{name}` becomes its checked value, percent-encoded as exactly one
 * segment. `valueFor` supplies the values (the call's, or the client's defaults); `missingHint`
 * says where a missing value could have come from.
 */
export function buildPath(
  where: string,
  template: string,
  params: readonly (readonly [name: string, type: PathParamType])[],
  valueFor: (name: string) => unknown,
  missingHint: (name: string) => string = () => "",
): string {
  let path = template;
  for (const [name, type] of params) {
    const value = checkPathParam(where, name, valueFor(name), type, missingHint(name));
    path = path.replace(`{${name}}`, () => encodeURIComponent(value));
  }
  return path;
}
