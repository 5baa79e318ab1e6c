import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { ConvertClient, Schema } from "../../src/index.js";
import { ids, prismClient } from "../support/clients.js";
import { clientsFor } from "../support/contract.js";

type HeatmapDevices = Schema<"HeatmapDevices">;

const convert = prismClient();
const heatmap = { ...ids, experience_id: 100200, heatmap_id: "5d2c8a41f0e94b7a" };
const backgroundPath = "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/heatmaps/{heatmap_id}/background";
const overlayPath = "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/heatmaps/{heatmap_id}/overlay";

/** The first eight bytes of every PNG file. */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The images come as base64 text in JSON: decoded, the mock's examples are PNG files. */
function expectBase64Png(text: string | null | undefined) {
  expect(typeof text).toBe("string");
  const bytes = Buffer.from(text!, "base64");
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
}

describe("Experiences Heatmaps", () => {
  it("getExperienceHeatmapBackground answers JSON with the image as base64 text", async () => {
    const { data, response } = await convert.POST(backgroundPath, {
      params: { path: heatmap },
      body: { device: "mobile" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expectTypeOf(data!.data!.device).toEqualTypeOf<HeatmapDevices | undefined>();
    expect(typeof data?.data?.heatmap_id).toBe("string");
    expect(["desktop", "tablet", "mobile"]).toContain(data?.data?.device);
    expectTypeOf(data!.data!.background).toEqualTypeOf<string | null | undefined>();
    expectBase64Png(data?.data?.background);
  });

  it("getExperienceHeatmapBackground takes an empty body (desktop by default)", async () => {
    const { response } = await convert.POST(backgroundPath, { params: { path: heatmap } });
    expect(response.status).toBe(200);
  });

  it("getExperienceHeatmapOverlay answers the overlay for a device and an interaction", async () => {
    const { data, response } = await convert.POST(overlayPath, {
      params: { path: heatmap },
      body: { device: "tablet", interaction: "scroll" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(["click", "scroll", "move"]).toContain(data?.data?.interaction);
    expectBase64Png(data?.data?.overlay);
  });

  it("422 for an interaction outside the enum", async () => {
    const { error, response } = await convert.POST(overlayPath, {
      params: { path: heatmap },
      // @ts-expect-error "hover" is not a heatmap interaction
      body: { interaction: "hover" },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("interaction");
  });

  it("422 for a device outside the enum", async () => {
    const { response } = await convert.POST(backgroundPath, {
      params: { path: heatmap },
      // @ts-expect-error "watch" is not a heatmap device
      body: { device: "watch" },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("sl-violations")).toContain("device");
  });
});

describe("operation methods", () => {
  const path = { experience_id: 100200, heatmap_id: "5d2c8a41f0e94b7a" };
  // Each auth type the operations accept (the global three), account and project from the client.
  const clients = clientsFor("request signing", "secret key", "session cookie");

  describe.each(clients)("with %s", (_, make) => {
    let methods: ConvertClient<"account_id" | "project_id">;
    beforeAll(async () => {
      methods = await make();
    });

    it("Experiences Heatmaps: getExperienceHeatmapBackground", async () => {
      const answer = await methods.getExperienceHeatmapBackground({ path, body: { device: "desktop" } });
      expect(typeof answer.data?.heatmap_id).toBe("string");
      expectBase64Png(answer.data?.background);
    });

    it("Experiences Heatmaps: getExperienceHeatmapOverlay", async () => {
      const answer = await methods.getExperienceHeatmapOverlay({ path, body: { device: "desktop", interaction: "click" } });
      expect(["click", "scroll", "move"]).toContain(answer.data?.interaction);
      expectBase64Png(answer.data?.overlay);
    });
  });
});
