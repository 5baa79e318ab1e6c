// Section 2: signatures per second with the exported signRequest, on one core.
import { createHmac } from "node:crypto";
import { KEY } from "./http.js";
import type { Index } from "./load.js";
import { median } from "./stats.js";

const URL_SIGNED = "https://api.convert.com/api/v2/accounts/100012/projects";

/** Calls `sign` in batches until `durationMs` has passed; returns calls per second. */
function rate(sign: () => unknown, durationMs: number): number {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < 200; i++) sign();
    calls += 200;
    elapsed = performance.now() - start;
  } while (elapsed < durationMs);
  return (calls / elapsed) * 1000;
}

export interface SigningRow {
  name: string;
  bodyBytes: number;
  signaturesPerSecond: number;
  /** MB of body hashed per second. */
  megabytesPerSecond: number;
}

export function benchSigning({ signRequest }: Index, options: { durationMs: number; repeats: number }): SigningRow[] {
  const small = JSON.stringify({ page: 1, results_per_page: 10 });
  const large = new TextEncoder().encode(JSON.stringify({ blob: "x".repeat(100 * 1024 - 11) })); // 100 KB of JSON bytes
  const expires = Math.floor(Date.now() / 1000) + 60;
  const { applicationId, secretKey } = KEY;
  // Inputs are written out as a caller would (an object spread per call would cost as much as the HMAC).
  const cases = [
    {
      name: "signRequest, small JSON body",
      bytes: Buffer.byteLength(small),
      sign: () => signRequest({ applicationId, secretKey, expires, url: URL_SIGNED, body: small }),
    },
    {
      name: "signRequest, 100 KB body",
      bytes: large.byteLength,
      sign: () => signRequest({ applicationId, secretKey, expires, url: URL_SIGNED, body: large }),
    },
    {
      name: "reference: bare createHmac, small body",
      bytes: Buffer.byteLength(small),
      sign: () => createHmac("sha256", secretKey).update(`${applicationId}\n${expires}\n${URL_SIGNED}\n${small}`).digest("hex"),
    },
  ];
  return cases.map(({ name, bytes, sign }) => {
    rate(sign, options.durationMs / 4); // warm-up
    const perSecond = median(Array.from({ length: options.repeats }, () => rate(sign, options.durationMs)));
    return { name, bodyBytes: bytes, signaturesPerSecond: perSecond, megabytesPerSecond: (perSecond * bytes) / 1e6 };
  });
}
