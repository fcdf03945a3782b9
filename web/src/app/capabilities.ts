/**
 * @module THE list of the web UI's features, one line each, in navigation order. The pages
 * (navigation, page switch) and the translation resources are derived from it.
 */
import { dashboardFeature } from '../features/dashboard/index.ts';
import { forceFeature } from '../features/force/index.ts';
import { handoverFeature } from '../features/handover/index.ts';
import { monitoringFeature } from '../features/monitoring/index.ts';
import { complianceFeature } from '../features/compliance/index.ts';
import { consentFeature } from '../features/consent/index.ts';
import { recordFeature } from '../features/record/index.ts';
import { organisationsFeature } from '../features/organisations/index.ts';
import { tokensFeature } from '../features/tokens/index.ts';

export const features = [
  dashboardFeature,
  forceFeature,
  handoverFeature,
  monitoringFeature,
  complianceFeature,
  consentFeature,
  recordFeature,
  organisationsFeature,
  tokensFeature,
] as const;
