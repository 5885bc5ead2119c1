/**
 * @module
 * The backdoor check: a file manifest of the deployed build and static files, and its verification.
 */
export { type CreateManifestOptions, createManifest } from "./create-manifest";
export {
  type FileManifest,
  fileManifestSchema,
  type ManifestEntry,
  type ManifestFile,
  type ManifestLink,
} from "./manifest-schema";
export type { PathPatterns } from "./path-filter";
export { readManifest, writeManifest } from "./read-write-manifest";
export { type VerifyManifestOptions, verifyManifest } from "./verify-manifest";
