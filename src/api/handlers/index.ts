/** @module All handlers; the type makes a route without a handler a compile error. */
import type { Handlers } from './types.ts';
import { sessionHandlers } from './session.ts';
import { accountHandlers } from './accounts.ts';
import { contributionHandlers } from './contributions.ts';
import { geoHandlers } from './geo.ts';
import { logHandlers } from './log.ts';
import { monitoringHandlers } from './monitoring.ts';
import { forceHandlers } from './force.ts';
import { complianceHandlers } from './compliance.ts';
import { monitoringFileHandlers } from './monitoring-files.ts';
import { monitoringImportHandlers } from './monitoring-import.ts';
import { forceFileHandlers } from './force-files.ts';
import { complianceFileHandlers } from './compliance-files.ts';
import { consentHandlers } from '../../capabilities/consent/handlers/consent.ts';

export const handlers: Handlers = {
  ...sessionHandlers,
  ...accountHandlers,
  ...contributionHandlers,
  ...logHandlers,
  ...geoHandlers,
  ...monitoringHandlers,
  ...forceHandlers,
  ...complianceHandlers,
  ...monitoringFileHandlers,
  ...monitoringImportHandlers,
  ...forceFileHandlers,
  ...complianceFileHandlers,
  ...consentHandlers,
};
