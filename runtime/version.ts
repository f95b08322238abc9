// Generated from package.json by packaging/npm/runtime-version.ts (`npm run build` rewrites it): do not edit.

/** The runtime's version, as published (package.json). */
export const RUNTIME_VERSION = "0.1.0";
