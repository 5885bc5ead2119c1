/**
 * @module
 * Repository checks (private, never published): each lives in its own folder with its test.
 */
export {};
