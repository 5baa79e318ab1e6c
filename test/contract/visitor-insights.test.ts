import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { ConvertClient, PaginatedOperationId, Schema } from "../../src/index.js";
import { ConvertValidationError } from "../../src/index.js";
import { defaultsClient, globalSecurityClients, recordingDefaultsClient } from "../support/contract.js";

type SignalSession = Schema<"SignalSession">;

describe("Visitor Insights", () => {
  const convert = defaultsClient();

  it("getSessionsList lists the recorded sessions of a period, in one unpaginated answer", async () => {
    const answer = await convert.getSessionsList({ body: { start_time: 1761955200, end_time: 1764547200, utc_offset: 3600 } });
    expect(answer.data?.map((session) => session.id)).toEqual([100900, 100901]);
    expect(answer.extra).toEqual({ tk: null });
    expectTypeOf<Extract<PaginatedOperationId, "getSessionsList">>().toBeNever();
  });

  it("getSignalSessionsList takes the filters and answers a page of Convert Signals™ sessions", async () => {
    const page = await convert.getSignalSessionsList({
      body: {
        page: 1,
        results_per_page: 10,
        start_time: 1761955200,
        end_time: null,
        experience: { id: 100200, variation_id: 100300 },
        location_id: null,
        country: { is: ["US", "CA"] },
        devices: { isNot: ["Tablet"] },
        browser: null,
        duration: { min: 30, max: 600 },
        pageCount: { min: 2 },
        containsPage: "/checkout",
        referrerURLs: ["https://www.google.com/"],
        adCampaignLabels: null,
      },
    });
    expectTypeOf(page.data).toEqualTypeOf<SignalSession[] | undefined>();
    const [session] = page.data ?? [];
    expect(session?.id).toBe("6f1c2d9e8a7b4c3d");
    expect(session?.visited_pages).toHaveLength(session?.visited_pages_count ?? -1);
    expect(session?.visited_pages?.[0]?.url).toBe(session?.entry_page);
    expect(page.extra?.tk).toBeNull();
    expect(page.extra?.pagination).toEqual({ current_page: 1, items_count: 1, items_per_page: 30, pages_count: 1 });
  });

  it("paginate walks getSignalSessionsList and stops at the last page the answer reports", async () => {
    const { client, answers } = recordingDefaultsClient();
    const seen: string[] = [];
    for await (const session of client.paginate("getSignalSessionsList", { body: { country: { is: ["US"] } } })) {
      seen.push(session.id ?? "");
    }
    expect(seen).toEqual(["6f1c2d9e8a7b4c3d"]);
    expect(answers).toHaveLength(1);
  });

  it("deleteSignalSession puts the session's string id in the path", async () => {
    const { client, answers } = recordingDefaultsClient();
    const answer = await client.deleteSignalSession({ path: { signal_session_id: "6f1c2d9e8a7b4c3d" } });
    expect(typeof answer.message).toBe("string");
    expect(new URL(answers[0]!.url).pathname).toMatch(/\/accounts\/100012\/projects\/10034\/signal_sessions\/6f1c2d9e8a7b4c3d$/);
  });

  it("422 for a filter field that the list does not know", async () => {
    const call = convert.getSignalSessionsList({
      // @ts-expect-error a value filter has only `is` and `isNot`
      body: { country: { contains: ["US"] } },
    });
    await expect(call).rejects.toBeInstanceOf(ConvertValidationError);
  });
});

describe.each(globalSecurityClients)("operation methods, authenticated by %s", (_auth, connect) => {
  let convert: ConvertClient<"account_id" | "project_id">;
  beforeAll(async () => {
    convert = await connect();
  });

  it("getSessionsList", async () => expect(Array.isArray((await convert.getSessionsList()).data)).toBe(true));
  it("getSignalSessionsList", async () => expect((await convert.getSignalSessionsList()).extra?.pagination?.pages_count).toBe(1));
  it("deleteSignalSession", async () =>
    expect(typeof (await convert.deleteSignalSession({ path: { signal_session_id: "6f1c2d9e8a7b4c3d" } })).message).toBe("string"));
});
