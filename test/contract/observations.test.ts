import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schema } from "../../src/index.js";
import { ConvertConfigError } from "../../src/index.js";
import { ids, prismClient } from "../support/clients.js";
import { defaultsClient } from "../support/contract.js";

type Observation = Schema<"Observation">;

const convert = prismClient();

describe("Observations", () => {
  const observation = { ...ids, observation_id: 500100 };

  it("getObservationsList pages observations with filters", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/observations", {
      params: { path: ids },
      body: { page: 2, results_per_page: 10, sort_by: "date_added", status: ["active"], except: [500101], expand: ["project"] },
    });
    expect(response.status).toBe(200);
    expectTypeOf(data!.data).toEqualTypeOf<Observation[] | undefined>();
    expect(Array.isArray(data?.data)).toBe(true);
    expect(typeof data?.data?.[0]?.id).toBe("number");
  });

  it("getObservation sends expand[] and returns one observation", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/projects/{project_id}/observations/{observation_id}", {
      params: { path: observation, query: { expand: ["tags"] } },
    });
    expect(response.status).toBe(200);
    expect(new URL(response.url).search).toBe("?expand[]=tags");
    expectTypeOf(data).toEqualTypeOf<Observation | undefined>();
    expect(data?.id).toBe(500100);
    expect(typeof data?.description).toBe("string");
    expect(typeof data?.files?.[0]?.url).toBe("string");
  });

  it("createObservation attaches images and files by reference in JSON", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/observations/add", {
      params: { path: ids },
      body: {
        name: "Visitors miss the coupon field",
        description: "Recordings show mobile visitors scroll past the coupon field.",
        url: "https://shop.example.com/cart",
        images: [{ url: "https://cdn.example.com/observations/cart-heatmap.png", name: "cart-heatmap.png" }],
        files: [{ key: "observations/cart-recording.mp4", name: "cart-recording.mp4" }],
        tags: [101200],
      },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(typeof data?.id).toBe("number");
    expect(Array.isArray(data?.tags)).toBe(true);
  });

  it("updateObservation answers with the observation", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/observations/{observation_id}/update", {
      params: { path: observation },
      body: { status: "archived", images: null },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.name).toBe("string");
  });

  it("deleteObservation answers with the deleted observation", async () => {
    const { data, response } = await convert.DELETE("/accounts/{account_id}/projects/{project_id}/observations/{observation_id}/delete", {
      params: { path: observation },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.id).toBe("number");
  });

  it("bulkObservationsUpdate sets a status on several observations", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/observations/bulk-update", {
      params: { path: ids },
      body: { id: [500100, 500101], status: "archived" },
    });
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.errors)).toBe(true);
  });

  it("bulkObservationsDelete deletes several observations", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/observations/bulk-delete", {
      params: { path: ids },
      body: { id: [500100] },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("422 when createObservation has no name", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/observations/add", {
      params: { path: ids },
      // @ts-expect-error name is required
      body: { description: "Nameless observation" },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("name");
  });

  it("422 for more than 3 images or an image without its url", async () => {
    const image = { url: "https://cdn.example.com/observations/a.png", name: "a.png" };
    const tooMany = await convert.POST("/accounts/{account_id}/projects/{project_id}/observations/add", {
      params: { path: ids },
      body: { name: "Too many images", images: [image, image, image, image] },
    });
    expect(tooMany.response.status).toBe(422);
    expect(tooMany.response.headers.get("sl-violations")).toContain("images");

    const noUrl = await convert.POST("/accounts/{account_id}/projects/{project_id}/observations/{observation_id}/update", {
      params: { path: observation },
      // @ts-expect-error an image needs its url
      body: { images: [{ name: "a.png" }] },
    });
    expect(noUrl.response.status).toBe(422);
    expect(noUrl.error).toBeDefined();
    expect(noUrl.response.headers.get("sl-violations")).toContain("url");
  });

  it("types reject a wrong field type and a missing path parameter", async () => {
    const wrongType = await convert.POST("/accounts/{account_id}/projects/{project_id}/observations/{observation_id}/update", {
      params: { path: observation },
      // @ts-expect-error name is a string
      body: { name: 42 },
    });
    expect(wrongType.response.status).toBe(422);
    expect(wrongType.response.headers.get("sl-violations")).toContain("name");

    await expect(
      convert.GET("/accounts/{account_id}/projects/{project_id}/observations/{observation_id}", {
        // @ts-expect-error observation_id is required
        params: { path: ids },
      }),
    ).rejects.toThrowError(ConvertConfigError);
  });
});

describe("operation methods", () => {
  const methods = defaultsClient();
  it("Observations: getObservationsList", async () => expect(Array.isArray((await methods.getObservationsList()).data)).toBe(true));
});
