import { describe, expect, it } from "vitest";
import { serializeQuery } from "../../../src/http/query.js";
import { ConvertConfigError } from "../../../src/index.js";

describe("serializeQuery", () => {
  it("writes arrays in PHP style, one key per item", () => {
    expect(serializeQuery({ include: ["domains", "stats.usage"], expand: ["default_goals"] })).toBe(
      "include[]=domains&include[]=stats.usage&expand[]=default_goals",
    );
  });

  it("percent-encodes values and leaves out undefined and null", () => {
    expect(serializeQuery({ size: "thumb", q: "a&b=c/d é", skip: undefined, none: null, force_download: true })).toBe(
      "size=thumb&q=a%26b%3Dc%2Fd%20%C3%A9&force_download=true",
    );
  });

  it("writes nothing for an empty array", () => {
    expect(serializeQuery({ include: [] })).toBe("");
  });

  it("rejects nested objects with an error naming the parameter", () => {
    expect(() => serializeQuery({ filter: { a: 1 } })).toThrowError(ConvertConfigError);
    expect(() => serializeQuery({ filter: { a: 1 } })).toThrowError(/"filter"/);
  });
});
