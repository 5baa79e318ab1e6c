// Recipe: pause every running experience of a project, e.g. before a site release.
//
//   CONVERT_APPLICATION_ID=... CONVERT_SECRET_KEY=... CONVERT_ACCOUNT_ID=... CONVERT_PROJECT_ID=... \
//     npx tsx examples/recipes/pause-running-experiences.ts
//
// Lists the project's active experiences page by page, then pauses them with bulk updates of at
// most 100 ids (the API's limit per call). docs/recipes.md tells how to resume them.
import { createConvertClient } from "convert-api-client";

const BULK_LIMIT = 100;

async function main() {
  // Credentials, account and project from the environment (CONVERT_API_BASE_URL points it at a mock).
  const convert = createConvertClient.fromEnv();

  const running: number[] = [];
  for await (const experience of convert.paginate("getExperiencesList", { body: { status: ["active"], results_per_page: 50 } })) {
    // The API filters by status already; checking again costs nothing and keeps a paused one out.
    if (experience.status === "active" && experience.id !== undefined) running.push(experience.id);
  }
  if (running.length === 0) {
    console.log("no running experience: nothing to pause");
    return;
  }

  for (let start = 0; start < running.length; start += BULK_LIMIT) {
    const id = running.slice(start, start + BULK_LIMIT);
    await convert.bulkExperiencesUpdate({ body: { id, status: "paused" } });
  }
  console.log(`paused ${running.length} running experience(s): ${running.join(", ")}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
});
