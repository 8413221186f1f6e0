// Types for bin/ensure-build.js (plain JavaScript: it runs before any build exists).
export declare function ensureBuilt(options?: { root?: string; buildArgs?: string[] }): boolean;
