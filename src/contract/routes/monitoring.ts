/** @module The monitoring routes of the API (see src/contract/routes.ts, which merges every module's table). */
export const monitoringRoutes = {} as const;
