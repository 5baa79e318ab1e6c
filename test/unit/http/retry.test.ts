// The retry decision, a pure function of the attempt and the answer.
import { describe, expect, it } from "vitest";
import { decideRetry } from "../../../src/http/retry.js";

const NOW = Date.parse("2026-12-02T10:00:00Z");
const half = () => 0.5; // backoff for attempt 0 with this "random": 375 ms
const decide = (input: Partial<Parameters<typeof decideRetry>[0]>) =>
  decideRetry({ attempt: 0, maxRetries: 2, safeToRepeat: true, now: NOW, random: half, ...input });

describe("Retry-After", () => {
  it("honours delta-seconds and the three HTTP-date forms", () => {
    expect(decide({ status: 429, retryAfter: "3" })).toEqual({ retry: true, delayMs: 3000 });
    expect(decide({ status: 429, retryAfter: " 0 " })).toEqual({ retry: true, delayMs: 0 });
    expect(decide({ status: 429, retryAfter: "Wed, 02 Dec 2026 10:00:05 GMT" })).toEqual({ retry: true, delayMs: 5000 });
    expect(decide({ status: 429, retryAfter: "Wednesday, 02-Dec-26 10:00:07 GMT" })).toEqual({ retry: true, delayMs: 7000 });
    expect(decide({ status: 429, retryAfter: "Wed Dec  2 10:00:09 2026" })).toEqual({ retry: true, delayMs: 9000 });
    expect(decide({ status: 429, retryAfter: "Wed, 02 Dec 2026 09:00:00 GMT" })).toEqual({ retry: true, delayMs: 0 }); // already past
  });

  it.each(["-5", "1.5", "+2", "1, 2", "5 s", "0x10", "tomorrow", "2026-12-02T10:00:05Z", "1e3", ""])(
    "ignores %j and falls back to the normal backoff, never an immediate retry",
    (retryAfter) => {
      expect(decide({ status: 429, retryAfter })).toEqual({ retry: true, delayMs: 375 });
    },
  );

  it("gives up rather than wait past 60 s", () => {
    expect(decide({ status: 429, retryAfter: "61" })).toEqual({ retry: false });
  });
});

describe("what is retried", () => {
  it("429 for every operation, safe to repeat or not", () => {
    expect(decide({ status: 429, safeToRepeat: false })).toEqual({ retry: true, delayMs: 375 });
  });

  it("a 5xx that says 'too many requests' only when the request is safe to repeat: a create must never arrive twice", () => {
    expect(decide({ status: 500, rateLimited: true, safeToRepeat: true }).retry).toBe(true);
    expect(decide({ status: 500, rateLimited: true, safeToRepeat: false })).toEqual({ retry: false });
    expect(decide({ status: 503, rateLimited: true, safeToRepeat: false })).toEqual({ retry: false });
  });

  it("502/503/504 and lost connections only when safe to repeat; nothing past maxRetries", () => {
    for (const status of [502, 503, 504, undefined]) {
      expect(decide({ status, safeToRepeat: true }).retry).toBe(true);
      expect(decide({ status, safeToRepeat: false }).retry).toBe(false);
    }
    expect(decide({ status: 500 }).retry).toBe(false);
    expect(decide({ status: 429, attempt: 2 }).retry).toBe(false);
  });
});
