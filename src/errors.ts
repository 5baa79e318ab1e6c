/** Base class of every error this package throws. */
export class ConvertError extends Error {
  override name = "ConvertError";
}

/**
 * Invalid client or call options (missing credentials, malformed values, a missing path
 * parameter...). Thrown before anything is sent. Messages name the option, never its value.
 */
export class ConvertConfigError extends ConvertError {
  override name = "ConvertConfigError";
}
