// Types for bin/source-stamp.js (plain JavaScript: bin/tandem.js runs it before any build exists).
export declare const SOURCE_DIRS: string[];
export declare const SOURCE_FILES: string[];
export declare const STAMP_FILE: string;
export declare function sourceStamp(root: string): { newestMtimeMs: number; count: number };
export declare function distIsCurrent(root: string, dist: string): boolean;
