// Quick start: list projects, read one, create and delete an SDK key, all with signed requests.
//
//   CONVERT_APPLICATION_ID=... CONVERT_SECRET_KEY=... CONVERT_ACCOUNT_ID=... npx tsx examples/quickstart.ts
//
// `npm run demo` runs this file against a local Prism mock of the API instead.
import { createConvertClient } from "convert-api-client";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`set ${name}`);
  return value;
};

async function main() {
  const convert = createConvertClient({
    baseUrl: process.env.CONVERT_BASE_URL, // unset: https://api.convert.com/api/v2
    auth: {
      type: "requestSigning",
      applicationId: env("CONVERT_APPLICATION_ID"),
      secretKey: env("CONVERT_SECRET_KEY"),
    },
  });
  const account_id = Number(env("CONVERT_ACCOUNT_ID"));

  const projects = await convert.POST("/accounts/{account_id}/projects", {
    params: { path: { account_id } },
    body: { page: 1, results_per_page: 10 },
  });
  if (projects.error) throw new Error(`listing projects failed with HTTP ${projects.response.status}`);
  const list = projects.data.data ?? [];
  console.log(`listed ${list.length} project(s): ${list.map((p) => `${p.id} "${p.name}"`).join(", ")}`);

  const project_id = list[0]?.id;
  if (project_id === undefined) throw new Error("the account has no project");
  const project = await convert.GET("/accounts/{account_id}/projects/{project_id}", {
    params: { path: { account_id, project_id }, query: { include: ["domains"] } },
  });
  if (project.error) throw new Error(`reading project ${project_id} failed with HTTP ${project.response.status}`);
  console.log(`read project ${project.data.id} "${project.data.name}" with ${project.data.domains?.length ?? 0} domain(s)`);

  const created = await convert.POST("/accounts/{account_id}/projects/{project_id}/sdk-keys/create", {
    params: { path: { account_id, project_id } },
    body: { name: "quickstart", environment: "production", has_secret: false },
  });
  if (created.error || !created.data.sdk_key) throw new Error(`creating an SDK key failed with HTTP ${created.response.status}`);
  console.log(`created SDK key ${created.data.sdk_key} (HTTP ${created.response.status})`);

  const deleted = await convert.DELETE("/accounts/{account_id}/projects/{project_id}/sdk-keys/{sdk_key}/delete", {
    params: { path: { account_id, project_id, sdk_key: created.data.sdk_key } },
  });
  if (deleted.error) throw new Error(`deleting the SDK key failed with HTTP ${deleted.response.status}`);
  console.log(`deleted SDK key ${created.data.sdk_key} (HTTP ${deleted.response.status})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
