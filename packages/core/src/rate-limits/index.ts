export { createMemoryRateLimitStore } from "./memory-rate-limit-store";
export {
  checkRateLimitWindow,
  type RateLimitCount,
  type RateLimitStore,
  storedRateLimitKey,
} from "./rate-limit-store";
