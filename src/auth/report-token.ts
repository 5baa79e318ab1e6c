import type { Authenticator } from "../http/request.js";

/** Read-only access to one experience's report with a token from `getReportToken`. */
export interface ReportTokenAuth {
  type: "reportToken";
  /** The report token. Sent as the `report_token` header. */
  reportToken: string;
}

export function reportToken(auth: ReportTokenAuth): Authenticator {
  const { reportToken: token } = auth;
  return {
    authenticate: (request) => {
      request.headers.report_token = token;
    },
  };
}
