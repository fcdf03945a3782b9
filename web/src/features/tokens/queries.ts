/** @module The signed-in account's API tokens, as queries of the one cache; creating or revoking one reloads the list. */
import type { CallOutput } from '../../../../src/contract/route.ts';
import type { Routes } from '../../../../src/contract/routes.ts';
import { useRoute } from '../../data/useRoute.ts';
import { useRouteMutation } from '../../data/useRouteMutation.ts';

export type Token = CallOutput<Routes['listTokens']>['items'][number];

const items = (r: { items: Token[] }): Token[] => r.items;

export const useTokens = () => useRoute('listTokens', { query: {} }, { select: items });
export const useCreateToken = () => useRouteMutation('createToken', ['listTokens']);
export const useRevokeToken = () => useRouteMutation('revokeToken', ['listTokens']);
