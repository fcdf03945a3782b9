/** @module The gazetteer's routes (issue 13), part of the monitoring route table. */
import { z } from 'zod';
import { route } from '../route.ts';
import { IdParams, listOf } from '../common.ts';
import { CreatePlace, Place, PlaceQuery, PlaceWritten, UpdatePlace } from '../monitoring/places.ts';

export const DeletePlaceQuery = z.strictObject({ version: z.coerce.number().int().positive().optional() });

export const monitoringPlaceRoutes = {
  listPlaces: route({
    method: 'get',
    path: '/api/places',
    tag: 'monitoring',
    auth: 'account',
    status: 200,
    permission: 'place.read',
    summary: "The mission's gazetteer, searched by part of a name or spelling in any language (best matches first)",
    query: PlaceQuery,
    response: listOf(Place),
  }),
  getPlace: route({
    method: 'get',
    path: '/api/places/{id}',
    tag: 'monitoring',
    auth: 'account',
    status: 200,
    permission: 'place.read',
    summary: 'A place of the gazetteer',
    params: IdParams,
    response: Place,
  }),
  createPlace: route({
    method: 'post',
    path: '/api/places',
    tag: 'monitoring',
    auth: 'account',
    status: 201,
    permission: 'place.write',
    summary: 'Add a place to the gazetteer (coordinator, admin); its sector is found from its point',
    body: CreatePlace,
    response: PlaceWritten,
  }),
  updatePlace: route({
    method: 'put',
    path: '/api/places/{id}',
    tag: 'monitoring',
    auth: 'account',
    status: 200,
    permission: 'place.write',
    summary: 'Change a place (coordinator, admin), at the version the caller saw',
    params: IdParams,
    body: UpdatePlace,
    response: PlaceWritten,
  }),
  deletePlace: route({
    method: 'delete',
    path: '/api/places/{id}',
    tag: 'monitoring',
    auth: 'account',
    status: 204,
    permission: 'place.write',
    summary: 'Remove a place no report names (coordinator, admin)',
    params: IdParams,
    query: DeletePlaceQuery,
    response: z.object({}),
  }),
} as const;
