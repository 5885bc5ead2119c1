/**
 * @module
 * Where the project lives, written once for every package.json and README link the checks look at.
 * A placeholder until the public repository exists: change it here and in the manifests together.
 */

/** The repository's web address (no trailing slash). */
export const REPOSITORY_URL = "https://github.com/linkpay/linkpay";

/** The metadata every published package.json must carry, for the package in `directory`. */
export function expectedMetadata(directory: string) {
  return {
    homepage: `${REPOSITORY_URL}/tree/main/${directory}#readme`,
    bugs: `${REPOSITORY_URL}/issues`,
    repository: { type: "git", url: `git+${REPOSITORY_URL}.git`, directory },
  };
}
