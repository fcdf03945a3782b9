/** @module The organisations taking part, as a query of the one cache (see data/queryClient.ts). */
import type { CallOutput } from '../../../../src/contract/route.ts';
import type { Routes } from '../../../../src/contract/routes.ts';
import { useRoute } from '../../data/useRoute.ts';

export type Organisation = CallOutput<Routes['listOrganisations']>['items'][number];

const items = (r: { items: Organisation[] }): Organisation[] => r.items;

export const useOrganisations = () => useRoute('listOrganisations', {}, { select: items });
