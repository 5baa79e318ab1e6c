import { describe, expect, it } from "vitest";
import { signRequest } from "../../../src/index.js";
import { TEST_KEY } from "../../support/clients.js";

// Expected signatures computed independently with:
//   printf '<id>\n<expires>\n<url>\n<body>' | openssl dgst -sha256 -hmac '<secret>'
// They are also the documented test vectors in README.md.
const base = { ...TEST_KEY, expires: 1764115200 };

describe("signRequest", () => {
  it("signs a GET with a PHP-style array query and no body", () => {
    const url = "https://api.convert.com/api/v2/accounts/100012/projects/10034?include[]=domains&include[]=stats.usage";
    expect(signRequest({ ...base, url })).toEqual({
      "Convert-Application-ID": "10001_test_app",
      Expires: "1764115200",
      Authorization: "Convert-HMAC-SHA256 Signature=7739319d0231527a96f86e1a2dad76dc22cb363981ed6eb2f8064082ea6c24c3",
    });
  });

  it("signs a JSON body with unicode and slashes byte for byte", () => {
    const body = JSON.stringify({ name: "Café/Shop ✓", domains: [{ url: "https://shop.example.com/a/b" }] });
    const url = "https://api.convert.com/api/v2/accounts/100012/projects/add";
    const expected = "Convert-HMAC-SHA256 Signature=61d684fcb3ccab4ced575fdec31c664efc305f143da9977bcf6a5c72453b83de";
    expect(signRequest({ ...base, url, body }).Authorization).toBe(expected);
    expect(signRequest({ ...base, url, body: new TextEncoder().encode(body) }).Authorization).toBe(expected);
  });

  it("treats a missing body as the empty string", () => {
    const url = "https://api.convert.com/api/v2/accounts/100012/projects/10034/delete";
    const expected = "Convert-HMAC-SHA256 Signature=90f71fb8da7073e8938f75499552d257daffbc296022a22cd2c478458e6f4a5e";
    expect(signRequest({ ...base, url }).Authorization).toBe(expected);
    expect(signRequest({ ...base, url, body: "" }).Authorization).toBe(expected);
  });

  it("changes when any signed input changes", () => {
    const url = "https://api.convert.com/api/v2/accounts/1/projects";
    const reference = signRequest({ ...base, url, body: "{}" }).Authorization;
    expect(signRequest({ ...base, url, body: "{ }" }).Authorization).not.toBe(reference);
    expect(signRequest({ ...base, expires: base.expires + 1, url, body: "{}" }).Authorization).not.toBe(reference);
    expect(signRequest({ ...base, url: `${url}?page=2`, body: "{}" }).Authorization).not.toBe(reference);
    expect(signRequest({ ...base, secretKey: "other", url, body: "{}" }).Authorization).not.toBe(reference);
  });
});
