/** @module Handlers of the gazetteer's routes: one service call each. */
import type { Handlers } from './types.ts';
import { actorOf } from './types.ts';
import { createPlace, deletePlace, getPlace, searchPlaces, updatePlace } from '../../services/monitoring/places.ts';
import { presentPlace } from '../../presenters/monitoring/places.ts';

export const monitoringPlaceHandlers: Pick<
  Handlers,
  'listPlaces' | 'getPlace' | 'createPlace' | 'updatePlace' | 'deletePlace'
> = {
  async listPlaces(ctx) {
    const places = await searchPlaces(ctx.deps, actorOf(ctx), ctx.query.q, ctx.query.limit);
    return { items: places.map(presentPlace) };
  },
  async getPlace(ctx) {
    return presentPlace(await getPlace(ctx.deps, actorOf(ctx), ctx.params.id));
  },
  async createPlace(ctx) {
    const w = await createPlace(ctx.deps, actorOf(ctx), ctx.body);
    return { ...presentPlace(w.value), logIndex: w.logIndex };
  },
  async updatePlace(ctx) {
    const w = await updatePlace(ctx.deps, actorOf(ctx), ctx.params.id, ctx.body);
    return { ...presentPlace(w.value), logIndex: w.logIndex };
  },
  async deletePlace(ctx) {
    await deletePlace(ctx.deps, actorOf(ctx), ctx.params.id, ctx.query.version);
    return {};
  },
};
