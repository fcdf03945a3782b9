/** @module The sector and control-line routes of the API (merged in src/contract/routes.ts). */
import { route } from '../route.ts';
import { IdParams, listOf } from '../common.ts';
import {
  ControlLine,
  ControlLinesQuery,
  ControlLineWritten,
  CreateControlLineVersion,
  CreateSector,
  Sector,
  SectorWritten,
} from '../geo.ts';

export const geoRoutes = {
  listSectors: route({
    method: 'get',
    path: '/api/sectors',
    tag: 'map',
    auth: 'account',
    status: 200,
    summary: 'Sectors (areas of responsibility) with their outlines',
    response: listOf(Sector),
  }),
  getSector: route({
    method: 'get',
    path: '/api/sectors/{id}',
    tag: 'map',
    auth: 'account',
    status: 200,
    summary: 'One sector',
    params: IdParams,
    response: Sector,
  }),
  createSector: route({
    method: 'post',
    path: '/api/sectors',
    tag: 'map',
    auth: 'account',
    status: 201,
    summary: 'Draw or import a sector (coordinator, admin)',
    body: CreateSector,
    response: SectorWritten,
  }),
  listControlLines: route({
    method: 'get',
    path: '/api/control-lines',
    tag: 'map',
    auth: 'account',
    status: 200,
    summary: 'Control lines with their history (every version), or the versions valid at `at`',
    query: ControlLinesQuery,
    response: listOf(ControlLine),
  }),
  createControlLineVersion: route({
    method: 'post',
    path: '/api/control-lines',
    tag: 'map',
    auth: 'account',
    status: 201,
    summary: 'Record a new version of a control line (the previous version ends where this one starts)',
    body: CreateControlLineVersion,
    response: ControlLineWritten,
  }),
} as const;
