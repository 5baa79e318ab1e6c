// `convert-api whoami`: which credentials and defaults a call would use, never a secret.
import { type GlobalFlags, resolveSetup } from "./credentials.js";
import { type Io, write } from "./io.js";

export async function whoami(flags: GlobalFlags, io: Io): Promise<void> {
  const setup = resolveSetup(flags, io);
  const facts = {
    source: setup.source.kind,
    profile: setup.source.kind === "profile" ? setup.source.name : undefined,
    authType: setup.authType,
    applicationId: setup.applicationId,
    username: setup.username,
    baseUrl: setup.baseUrl,
    accountId: setup.accountId,
    projectId: setup.projectId,
  };
  await write(io.stdout, `${JSON.stringify(facts, null, io.stdout.isTTY ? 2 : undefined)}\n`);
}
