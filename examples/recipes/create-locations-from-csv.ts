// Recipe: create locations in bulk from a CSV file, one per row: `name,url_contains[,description]`
// with a header line (see locations.csv beside this file).
//
//   CONVERT_APPLICATION_ID=... CONVERT_SECRET_KEY=... CONVERT_ACCOUNT_ID=... CONVERT_PROJECT_ID=... \
//     npx tsx examples/recipes/create-locations-from-csv.ts examples/recipes/locations.csv
//
// Each location applies on the pages whose URL contains the given text. Rows are created one after
// the other; a refused row is reported and the others still go.
import { readFile } from "node:fs/promises";
import { ConvertApiError, createConvertClient } from "convert-api-client";

/** Rows of a CSV text: comma-separated fields, double-quoted when they hold commas, quotes or line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') field += text[++index];
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[index + 1] === "\n") index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ""));
}

async function main() {
  const file = process.argv[2];
  if (!file) throw new Error("usage: create-locations-from-csv.ts <file.csv>");
  const [header, ...rows] = parseCsv(await readFile(file, "utf8"));
  const column = (name: string) => header?.findIndex((cell) => cell.trim() === name) ?? -1;
  const [nameAt, urlAt, descriptionAt] = [column("name"), column("url_contains"), column("description")];
  if (nameAt < 0 || urlAt < 0) throw new Error(`${file}: the header must name the columns name and url_contains`);
  const convert = createConvertClient.fromEnv();

  let created = 0;
  for (const [line, cells] of rows.entries()) {
    const name = cells[nameAt]?.trim() ?? "";
    const urlContains = cells[urlAt]?.trim() ?? "";
    const description = descriptionAt < 0 ? "" : (cells[descriptionAt]?.trim() ?? "");
    try {
      const location = await convert.createLocation({
        body: {
          name,
          ...(description && { description }),
          // Any page whose URL contains the text: one alternative, one group, one rule.
          rules: {
            OR: [{ AND: [{ OR_WHEN: [{ rule_type: "url", value: urlContains, matching: { match_type: "contains", negated: false } }] }] }],
          },
        },
      });
      created++;
      console.log(`created location ${location.id} "${name}" (URL contains ${urlContains})`);
    } catch (error) {
      if (!(error instanceof ConvertApiError)) throw error;
      console.error(`row ${line + 2} ("${name}") refused: ${error.message}`);
      process.exitCode = 1;
    }
  }
  console.log(`created ${created} of ${rows.length} location(s) from ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
});
