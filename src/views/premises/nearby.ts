/** Premises near another, by true distance on the ground (turf), so clusters are not blamed on one. */
import {distance, point} from '@turf/turf';
import type {PremisesDatum} from '../map/layers';

/** The radius within which premises count as nearby, metres. */
export const NEARBY_RADIUS_M = 100;

/** A candidate premises with a location and its attendances (as the map's premises layer has). */
export type NearbyCandidate = PremisesDatum;

/** A nearby premises with its distance in metres. */
export interface NearbyPremises extends NearbyCandidate {
  distanceM: number;
}

/** Candidates within `radiusM` of a point, nearest first. */
export function nearbyOf(
  centre: {lat: number; lon: number},
  candidates: readonly NearbyCandidate[],
  radiusM = NEARBY_RADIUS_M,
): NearbyPremises[] {
  const from = point([centre.lon, centre.lat]);
  return candidates
    .map((c) => ({...c, distanceM: distance(from, point([c.lon, c.lat]), {units: 'meters'})}))
    .filter((c) => c.distanceM <= radiusM)
    .sort((a, b) => a.distanceM - b.distanceM || a.name.localeCompare(b.name));
}
