/** @module The sector and control-line routes of the API (merged in src/contract/routes.ts). */
export const geoRoutes = {} as const;
