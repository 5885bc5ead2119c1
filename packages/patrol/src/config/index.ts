export {
  type ParseConfigOptions,
  type PatrolConfig,
  parsePatrolConfig,
  type ResolvedAlertSpec,
  type ResolvedProviderSpec,
  readPatrolConfig,
} from "./load-config";
export {
  type Journey,
  type JourneyStep,
  type PatrolConfigFile,
  patrolConfigSchema,
  type SecretRef,
} from "./patrol-config";
