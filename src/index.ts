/**
 * The client for the Convert Experiences API v2: {@link createConvertClient}, its options, the
 * errors it throws, pagination, logging, OAuth helpers and the types of every operation.
 * @module convert-api-client
 */
// The public surface of "convert-api-client", in one list. Anything not exported here is internal.
// The cookie-session entry is "convert-api-client/session" (src/session/index.ts).

// Types generated from the spec
export type { components, operations, paths } from "../generated/openapi-types.js";
// Authentication
export type { ConvertAuth, NoAuth, SessionAuth } from "./auth/index.js";
export type { OAuthAuth, OAuthToken } from "./auth/oauth.js";
export type { ReportTokenAuth } from "./auth/report-token.js";
export type { RequestSigningAuth, SignatureHeaders, SignRequestInput } from "./auth/request-signing.js";
export { signRequest, signRequestAsync } from "./auth/request-signing.js";
export type { SecretKeyAuth } from "./auth/secret-key.js";
export type { ConvertClient, ConvertClientDefaults, ConvertClientOptions, DefaultedPathParamsOf, PaginateArgs } from "./client.js";
// The client
export { createConvertClient, DEFAULT_BASE_URL } from "./client.js";
export type { LogLevel } from "./console-logger.js";
// Errors
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
  ConvertTokenExpiredError,
  ConvertValidationError,
} from "./errors.js";
// Logging
export type { ConvertLogEvent, ConvertLogFields, ConvertLogger } from "./logger.js";
export type { OAuthAuthorizeOptions, OAuthExchangeOptions, OAuthGrant } from "./oauth.js";
export {
  checkOAuthState,
  createPkce,
  exchangeOauthCode,
  OAUTH_AUTHORIZE_URL,
  OAUTH_DEFAULT_SCOPE,
  OAuthPkce,
  oauthAuthorizeUrl,
} from "./oauth.js";
// Operations and pagination
export type { PaginateOptions, Paginator } from "./operations/paginate.js";
export type { ConvertPromise, ConvertResponse } from "./operations/promise.js";
export type {
  BinaryOperationId,
  OperationArgs,
  OperationCallOptions,
  OperationId,
  OperationInit,
  OperationResult,
  PageItem,
  PaginatedOperationId,
} from "./operations/types.js";
export type { CallOptions } from "./options.js";
export type { Schema, SchemaInput } from "./types.js";
export type { FileSource } from "./uploads.js";
// Uploads
export { fileFromPath, toFile } from "./uploads.js";
