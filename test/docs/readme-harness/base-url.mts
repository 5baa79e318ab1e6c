/** Where every README sample's clients and sessions go: CONVERT_API_BASE_URL, which the harness always sets. */
export function harnessBaseUrl(): string {
  const baseUrl = process.env.CONVERT_API_BASE_URL;
  if (!baseUrl) throw new Error("README sample harness: CONVERT_API_BASE_URL is not set");
  return baseUrl;
}
