// How a parameter of the spec is spelled on the command line.
import type { ParameterInfo } from "./spec.js";

/** The flag of a parameter: path `experience_id` → `--experience-id`, query `include` → `--query.include`. */
export function flagOf(parameter: Pick<ParameterInfo, "name" | "in">): string {
  if (parameter.in === "path")
    return `--${parameter.name
      .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
      .replace(/_/g, "-")
      .toLowerCase()}`;
  return `--${parameter.in}.${parameter.name}`;
}
