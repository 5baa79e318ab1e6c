// Loaded first (`node --import`) in every README sample the harness runs: a connection to any
// host but this machine ends the process at once, loudly, before even a DNS lookup leaves it.
// Every way Node connects (node:http, node:https, fetch) opens its socket through
// net.Socket.prototype.connect.
import { isIP, Socket } from "node:net";

/** The exit code of a sample that tried to leave the machine. */
export const LEFT_LOOPBACK_EXIT_CODE = 86;

const connect = Socket.prototype.connect as (...args: unknown[]) => Socket;

Socket.prototype.connect = function connectToLoopbackOnly(this: Socket, ...args: unknown[]): Socket {
  const host = hostOf(args);
  if (host !== undefined && !isLoopback(host)) {
    process.stderr.write(`README sample harness: refused a connection to ${host}; samples may reach 127.0.0.1 only\n`);
    process.exit(LEFT_LOOPBACK_EXIT_CODE);
  }
  return connect.apply(this, args);
} as typeof Socket.prototype.connect;

/**
 * The host of a `connect` call (Node's own callers pass their normalized [options, callback]
 * array), or undefined for a Unix socket or pipe path.
 */
function hostOf(args: unknown[]): string | undefined {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof first === "object" && first !== null) {
    const options = first as { host?: unknown; path?: unknown };
    if (typeof options.path === "string") return undefined;
    return typeof options.host === "string" && options.host !== "" ? options.host : "localhost";
  }
  if (typeof first === "string" && !/^\d+$/.test(first)) return undefined; // a path
  return typeof args[1] === "string" ? args[1] : "localhost";
}

function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "");
  if (bare === "localhost" || bare === "::1") return true;
  return isIP(bare) === 4 && bare.startsWith("127.");
}
