import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { type ConvertClient, ConvertNotFoundError, type Schema } from "../../src/index.js";
import { ids, prismClient } from "../support/clients.js";
import { clientsFor, defaultsClient } from "../support/contract.js";

type UploadedFile = Schema<"UploadedFile">;
type FileData = Schema<"FileData">;

const convert = prismClient();
const fileKey = "10034/campaign-brief-7f3e2a.pdf";

/** The start of a PDF file: enough bytes for a multipart upload to Prism. */
const pdf = () => new Blob([new TextEncoder().encode("%PDF-1.4\n%\u00e4\u00fc\n1 0 obj\n<<>>\nendobj\n")], { type: "application/pdf" });

describe("Files", () => {
  it("uploadFile sends a Blob as multipart and answers 201 with the stored file", async () => {
    let contentType: string | null = null;
    const client = prismClient();
    client.use({
      onRequest({ request }) {
        contentType = request.headers.get("content-type");
      },
    });
    const { data, response } = await client.POST("/accounts/{account_id}/projects/{project_id}/files/add", {
      params: { path: ids },
      body: { file_name: "campaign-brief.pdf", file: pdf() },
    });
    expect(response.status).toBe(201);
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    expectTypeOf(data).toEqualTypeOf<UploadedFile | undefined>();
    expect(typeof data?.key).toBe("string");
    expect(data?.url).toMatch(/^https:\/\//);
    expect(typeof data?.file_size).toBe("number");
    expect(["success", "error"]).toContain(data?.status);
  });

  it("getFile answers JSON with the content as base64 text, the key as one path segment", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/projects/{project_id}/files/{file_key}", {
      params: { path: { ...ids, file_key: fileKey } },
    });
    expect(response.status).toBe(200);
    expect(new URL(response.url).pathname).toMatch(/\/files\/10034%2Fcampaign-brief-7f3e2a\.pdf$/);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expectTypeOf(data).toEqualTypeOf<FileData | undefined>();
    expect(typeof data?.mime_type).toBe("string");
    expect(
      Buffer.from(data?.content ?? "", "base64")
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");
  });

  it("deleteFile sends the file key as one path segment", async () => {
    const { data, response } = await convert.DELETE("/accounts/{account_id}/projects/{project_id}/files/{file_key}/delete", {
      params: { path: { ...ids, file_key: fileKey } },
    });
    expect(response.status).toBe(200);
    expect(new URL(response.url).pathname).toMatch(/\/files\/10034%2Fcampaign-brief-7f3e2a\.pdf\/delete$/);
    expect(typeof data?.message).toBe("string");
  });

  it("422 when the upload has no file_name", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/files/add", {
      params: { path: ids },
      // @ts-expect-error file_name is required
      body: { file: pdf() },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("file_name");
  });

  it("getFile's 404 (asked of the mock with Prefer) is a ConvertNotFoundError", async () => {
    const call = defaultsClient().getFile({ path: { file_key: "10034/missing.pdf" }, headers: { Prefer: "code=404" } });
    await expect(call).rejects.toBeInstanceOf(ConvertNotFoundError);
  });
});

describe("operation methods", () => {
  // Each auth type the operations accept (the global three), account and project from the client.
  const clients = clientsFor("request signing", "secret key", "session cookie");

  describe.each(clients)("with %s", (_, make) => {
    let methods: ConvertClient<"account_id" | "project_id">;
    beforeAll(async () => {
      methods = await make();
    });

    it("Files: uploadFile", async () => {
      const stored = await methods.uploadFile({ body: { file_name: "campaign-brief.pdf", file: pdf() } });
      expect(typeof stored.key).toBe("string");
      expect(stored.status).toBe("success");
    });

    it("Files: getFile", async () => {
      const file = await methods.getFile({ path: { file_key: fileKey } });
      expect(typeof file.file_name).toBe("string");
      expect(typeof file.content).toBe("string");
    });

    it("Files: deleteFile", async () => {
      const answer = await methods.deleteFile({ path: { file_key: fileKey } });
      expect(typeof answer.message).toBe("string");
    });
  });
});
