// Quick start: list projects, read one, create and delete an SDK key, all with signed requests.
//
//   CONVERT_APPLICATION_ID=... CONVERT_SECRET_KEY=... CONVERT_ACCOUNT_ID=... npx tsx examples/quickstart.ts
//
// `npm run demo` runs this file against a local Prism mock of the API instead.
import { ConvertApiError, createConvertClient } from "convert-api-client";

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`set ${name}`);
  return value;
}

async function main() {
  const convert = createConvertClient({
    baseUrl: process.env.CONVERT_BASE_URL, // unset: https://api.convert.com/api/v2
    auth: { type: "requestSigning", applicationId: env("CONVERT_APPLICATION_ID"), secretKey: env("CONVERT_SECRET_KEY") },
    accountId: Number(env("CONVERT_ACCOUNT_ID")),
    logger: (event) => {
      if (event.type === "response") console.log(`  ${event.method} ${new URL(event.url).pathname} -> HTTP ${event.status} (signed)`);
    },
  });

  const projects = await convert.getProjectsList({ body: { page: 1, results_per_page: 10 } });
  const list = projects.data ?? [];
  console.log(`listed ${list.length} project(s): ${list.map((p) => `${p.id} "${p.name}"`).join(", ")}`);

  const project_id = list[0]?.id;
  if (project_id === undefined) throw new Error("the account has no project");
  const project = await convert.getProject({ path: { project_id }, query: { include: ["domains"] } });
  console.log(`read project ${project.id} "${project.name}" with ${project.domains?.length ?? 0} domain(s)`);

  const key = await convert.createSdkKey({
    path: { project_id },
    body: { name: "quickstart", environment: "production", has_secret: false },
  });
  if (!key.sdk_key) throw new Error("the API returned no sdk_key");
  console.log(`created SDK key ${key.sdk_key}`);

  const deleted = await convert.deleteSdkKey({ path: { project_id, sdk_key: key.sdk_key } });
  console.log(`deleted SDK key ${key.sdk_key}: ${deleted.message}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConvertApiError ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
});
