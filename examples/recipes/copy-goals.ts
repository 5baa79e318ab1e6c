// Recipe: copy the goals of one project into another (in the same account), e.g. to set up a new
// site like an existing one.
//
//   CONVERT_APPLICATION_ID=... CONVERT_SECRET_KEY=... CONVERT_ACCOUNT_ID=... \
//     npx tsx examples/recipes/copy-goals.ts <from project id> <to project id>
//
// Goals the target project already has (same name) are left alone, so running it twice copies
// nothing twice. System goals, which every project has, are not copied.
import { createConvertClient, type OperationInit } from "convert-api-client";

function projectId(text: string | undefined): number {
  const id = Number(text);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Error("usage: copy-goals.ts <from project id> <to project id>");
  return id;
}

async function main() {
  const from = createConvertClient.fromEnv({ projectId: projectId(process.argv[2]) });
  // The same credentials and connections, another default project.
  const to = from.withOptions({ projectId: projectId(process.argv[3]) });

  const existing = new Set<string>();
  for await (const goal of to.paginate("getGoalsList", { body: { results_per_page: 50 } })) if (goal.name) existing.add(goal.name);

  const copied: string[] = [];
  for await (const goal of from.paginate("getGoalsList", { body: { results_per_page: 50 } })) {
    if (goal.is_system || !goal.name || existing.has(goal.name)) continue;
    // What defines a goal (its name, kind, settings and triggering rule) is what createGoal takes;
    // the project's own facts (id, key, usage stats) stay behind.
    const { id, key, is_system, stats, ...definition } = goal;
    // As read, every field of a goal is optional; createGoal's type wants, per kind, the fields
    // that kind requires. The goal came from the API, so it has them: the API checks again.
    const body = { ...definition, name: goal.name } as OperationInit<"createGoal">["body"];
    const created = await to.createGoal({ body });
    copied.push(`${id} -> ${created.id} ${goal.name}`);
  }
  console.log(`copied ${copied.length} goal(s)${copied.length ? `:\n  ${copied.join("\n  ")}` : ""}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
});
