import { version } from "../package.json";

/** This package's version (inlined at build time), sent in the default User-Agent. */
export const VERSION: string = version;
