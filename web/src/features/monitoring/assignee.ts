/**
 * @module Who works on an incident, as the viewer may know it: the monitor's name for the
 * monitoring team; for parties and liaisons (the server withholds the name) only that it is
 * assigned, and to which organisation.
 */
import type { TFunction } from 'i18next';
import type { Incident } from '../../../../src/contract/monitoring.ts';

export function assigneeLabel(
  incident: Pick<Incident, 'assigned' | 'assigneeName' | 'assigneeOrganisationName'>,
  t: TFunction,
): string | null {
  if (incident.assigneeName) return incident.assigneeName;
  if (incident.assigned)
    return t('monitoringUi.list.assignedTo', { organisation: incident.assigneeOrganisationName ?? '—' });
  return null;
}
