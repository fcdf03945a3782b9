/** @module Handlers of the sector and control-line routes. */
import type { Handlers } from './types.ts';
import { actorOf } from './types.ts';
import type { geoRoutes } from '../../contract/routes/geo.ts';
import { presentControlLine, presentSector } from '../../presenters/geo.ts';
import { controlLines, createControlLineVersion, createSector, sector, sectors } from '../../services/geo.ts';

export const geoHandlers: Pick<Handlers, keyof typeof geoRoutes> = {
  async listSectors(ctx) {
    return { items: (await sectors(ctx.deps, actorOf(ctx))).map(presentSector) };
  },
  async getSector(ctx) {
    return presentSector(await sector(ctx.deps, actorOf(ctx), ctx.params.id));
  },
  async createSector(ctx) {
    const w = await createSector(ctx.deps, actorOf(ctx), ctx.body);
    return { ...presentSector(w.value), logIndex: w.logIndex };
  },
  async listControlLines(ctx) {
    const at = ctx.query.at === undefined ? undefined : new Date(ctx.query.at);
    return { items: (await controlLines(ctx.deps, actorOf(ctx), at)).map(presentControlLine) };
  },
  async createControlLineVersion(ctx) {
    const w = await createControlLineVersion(ctx.deps, actorOf(ctx), ctx.body);
    return { ...presentControlLine(w.value), logIndex: w.logIndex };
  },
};
