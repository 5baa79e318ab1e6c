// Recipe: export an experience's report to a CSV file, one row per goal and variation.
//
//   CONVERT_APPLICATION_ID=... CONVERT_SECRET_KEY=... CONVERT_ACCOUNT_ID=... CONVERT_PROJECT_ID=... \
//     npx tsx examples/recipes/export-report.ts <experience id> [report.csv]
//
// Reads the aggregated report (the numbers the report page shows) and writes them as CSV. To get
// Convert's own export files instead, call exportExperienceReport: it answers a download link.
import { writeFile } from "node:fs/promises";
import { createConvertClient } from "convert-api-client";

const COLUMNS = [
  "goal_id",
  "variation_id",
  "variation",
  "baseline",
  "visitors",
  "conversions",
  "conversion_rate",
  "change_percent",
  "confidence",
];

/** A CSV field: quoted when it holds a comma, a quote or a line break. */
function csvField(value: unknown): string {
  const text = value === undefined || value === null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function main() {
  const experienceId = Number(process.argv[2]);
  if (!Number.isSafeInteger(experienceId) || experienceId <= 0) throw new Error("usage: export-report.ts <experience id> [report.csv]");
  const file = process.argv[3] ?? `report-${experienceId}.csv`;
  const convert = createConvertClient.fromEnv();

  const report = await convert.getExperienceAggregatedReport({ path: { experience_id: experienceId }, body: {} });
  const variations = new Map((report.data?.variations_data ?? []).map((variation) => [variation.id, variation]));
  const rows = [COLUMNS];
  // Each goal's report: visitors and conversions per variation, beside its statistics' metrics.
  for (const goal of report.data?.reportData ?? []) {
    for (const result of goal.variations ?? []) {
      const variation = variations.get(result.id);
      const conversions = result.conversion_data;
      rows.push(
        [
          goal.goal_id,
          result.id,
          variation?.name,
          variation?.is_baseline,
          result.visitors,
          conversions?.conversions,
          conversions?.conversion_rate,
          conversions?.conversion_rate_change,
          conversions?.confidence,
        ].map(csvField),
      );
    }
  }
  await writeFile(file, `${rows.map((row) => row.join(",")).join("\n")}\n`);
  console.log(`wrote ${rows.length - 1} row(s) of experience ${experienceId}'s report to ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
});
