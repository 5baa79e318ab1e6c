import type { components, Readable, Writable } from "../generated/openapi-types.js";

type SchemaName = keyof components["schemas"];

/** A schema as the API returns it: read-only fields present, write-only fields left out. */
export type Schema<Name extends SchemaName> = Readable<components["schemas"][Name]>;

/** A schema as you send it: read-only fields left out. */
export type SchemaInput<Name extends SchemaName> = Writable<components["schemas"][Name]>;
