/** @module The compliance routes of the API (see src/contract/routes.ts, which merges every module's table). */
export const complianceRoutes = {} as const;
