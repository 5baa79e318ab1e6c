export { createConvertClient, DEFAULT_BASE_URL } from "./client.js";
export type { ConvertClient, ConvertClientOptions } from "./client.js";
export type { ConvertAuth, NoAuth } from "./auth/index.js";
export { signRequest } from "./auth/request-signing.js";
export type { RequestSigningAuth, SignRequestInput, SignatureHeaders } from "./auth/request-signing.js";
export type { SecretKeyAuth } from "./auth/secret-key.js";
export { ConvertConfigError, ConvertError } from "./errors.js";
export type { components, operations, paths } from "../generated/openapi-types.js";
export type { Schema, SchemaInput } from "./types.js";
