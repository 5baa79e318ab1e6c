export type { components, operations, paths } from "../generated/openapi-types.js";
export type { ConvertAuth, NoAuth } from "./auth/index.js";
export type { ReportTokenAuth } from "./auth/report-token.js";
export type { RequestSigningAuth, SignatureHeaders, SignRequestInput } from "./auth/request-signing.js";
export { signRequest } from "./auth/request-signing.js";
export type { SecretKeyAuth } from "./auth/secret-key.js";
export type { SessionAuth } from "./auth/session.js";
export type { ConvertClient, ConvertClientOptions, DefaultedParams } from "./client.js";
export { createConvertClient, DEFAULT_BASE_URL } from "./client.js";
export {
  ConvertAbortError,
  ConvertApiError,
  ConvertAuthenticationError,
  ConvertConfigError,
  ConvertConflictError,
  ConvertError,
  ConvertNetworkError,
  ConvertNotFoundError,
  ConvertPermissionError,
  ConvertRateLimitError,
  ConvertRequestError,
  ConvertResponseError,
  ConvertResponseTooLargeError,
  ConvertServerError,
  ConvertTimeoutError,
  ConvertValidationError,
} from "./errors.js";
export type { ConvertLogEvent, ConvertLogger } from "./logger.js";
export type {
  OperationArgs,
  OperationCallOptions,
  OperationId,
  OperationInit,
  OperationResult,
  PageItem,
  PaginatedOperationId,
} from "./operation-types.js";
export type { PaginateOptions, Paginator } from "./paginate.js";
export type { Schema, SchemaInput } from "./types.js";
