/** Real town and night-time-economy centres of the West Midlands, and rail stations. */
import {join} from 'node:path';
import type {FeatureCollection, Point} from 'geojson';
import {distance2Km, readJson} from './geo';

/** How big a night-time economy a centre has. */
export type CentreTier = 'city' | 'town' | 'local';

/** A centre around which premises and street violence cluster. */
export interface Centre {
  id: string;
  name: string;
  lat: number;
  lon: number;
  tier: CentreTier;
  /** Relative size of its night-time economy. */
  weight: number;
  /** Spread of premises and street incidents around the centre. */
  sigmaM: number;
  /** Postcode districts used for its premises. */
  districts: string[];
  /** Street names used for its premises, besides the generic ones. */
  streets: string[];
}

/** A rail station, used to place public-transport incidents. */
export interface Station {
  name: string;
  lat: number;
  lon: number;
  weight: number;
}

// id; name; lat; lon; tier; weight; sigma (m); postcode districts; street names
const CENTRE_ROWS = [
  'bham;Birmingham city centre;52.4796;-1.9026;city;100;450;B1 B2 B3 B4 B5;Colmore Row|New Street|Corporation Street|Bull Street|Temple Street|Waterloo Street|Stephenson Street|Dale End|Martineau Way|Union Street',
  'broad;Broad Street;52.4768;-1.912;city;45;220;B1 B15 B16;Broad Street|Gas Street|Berkley Street|Sheepcote Street|Brindley Place|King Edwards Road',
  'southside;Southside;52.4745;-1.8965;city;30;180;B5;Hurst Street|Bromsgrove Street|Kent Street|Ladywell Walk|Gooch Street|Thorp Street',
  'digbeth;Digbeth;52.4755;-1.8862;city;30;300;B5 B9 B12;Digbeth|High Street Deritend|Floodgate Street|Lower Trinity Street|River Street|Heath Mill Lane|Fazeley Street',
  'jq;Jewellery Quarter;52.488;-1.911;city;20;280;B1 B3 B18;Vyse Street|Frederick Street|Caroline Street|Warstone Lane|Legge Lane|Graham Street',
  'selly;Selly Oak;52.4372;-1.9355;town;22;320;B29;Bristol Road|Harborne Lane|Tiverton Road|Oak Tree Lane|Raddlebarn Road',
  'moseley;Moseley;52.4459;-1.8877;town;14;260;B13;Alcester Road|St Marys Row|Woodbridge Road|Salisbury Road',
  'harborne;Harborne;52.4597;-1.9524;town;14;260;B17;High Street|War Lane|Greenfield Road|York Street',
  'sutton;Sutton Coldfield;52.5634;-1.8235;town;22;320;B72 B73 B74;Birmingham Road|Mill Street|Boldmere Road|Lichfield Road|Parade',
  'erdington;Erdington;52.5236;-1.8381;local;12;260;B23 B24;High Street|Sutton Road|Station Road|Orphanage Road',
  'kingsheath;Kings Heath;52.4351;-1.8927;local;12;240;B14;High Street|Vicarage Road|Poplar Road|York Road',
  'northfield;Northfield;52.4155;-1.9685;local;8;240;B31;Bristol Road South|Church Road|Station Road',
  'acocks;Acocks Green;52.4474;-1.8186;local;8;240;B27;Warwick Road|Shirley Road|Westley Road',
  'cov;Coventry city centre;52.4081;-1.5106;city;70;450;CV1;Hertford Street|Spon Street|Corporation Street|Jordan Well|Hales Street|Fairfax Street|Priory Street|Trinity Street',
  'gosford;Far Gosford Street;52.4063;-1.496;town;10;220;CV1;Far Gosford Street|Gosford Street|Lower Ford Street|Walsgrave Road',
  'earlsdon;Earlsdon;52.3993;-1.529;local;10;240;CV5;Earlsdon Street|Albany Road|Moor Street|Earlsdon Avenue',
  'wolves;Wolverhampton city centre;52.5862;-2.1286;city;60;420;WV1 WV2 WV3;Lichfield Street|Broad Street|Princess Street|Victoria Street|Queen Square|Dudley Street|Stafford Street',
  'bilston;Bilston;52.5665;-2.0738;local;10;240;WV14;Church Street|High Street|Lichfield Street|Oxford Street',
  'walsall;Walsall town centre;52.5862;-1.9829;town;35;360;WS1 WS2;Park Street|Bridge Street|Lichfield Street|Stafford Street|Digbeth|Leicester Street',
  'wednesbury;Wednesbury;52.5511;-2.0225;local;8;240;WS10;Union Street|Market Place|Holyhead Road',
  'dudley;Dudley town centre;52.512;-2.081;town;20;320;DY1 DY2;Castle Street|Wolverhampton Street|Stone Street|King Street|High Street',
  'stourbridge;Stourbridge;52.4561;-2.1478;town;20;300;DY8;High Street|Lower High Street|Market Street|Worcester Street',
  'halesowen;Halesowen;52.4497;-2.0508;town;14;260;B62 B63;Hagley Street|Great Cornbow|Peckingham Street|Birmingham Street',
  'merryhill;Merry Hill;52.4812;-2.1123;town;12;300;DY5;Level Street|Pedmore Road|Brierley Hill High Street',
  'westbrom;West Bromwich;52.5187;-1.9945;town;28;320;B70 B71;High Street|Paradise Street|Queen Street|New Street|Carters Green',
  'oldbury;Oldbury;52.5053;-2.0155;local;10;240;B68 B69;Birmingham Street|Church Street|Halesowen Street',
  'smethwick;Smethwick;52.493;-1.968;local;12;260;B66 B67;High Street|Cape Hill|Rolfe Street|Waterloo Road',
  'bearwood;Bearwood;52.4756;-1.973;local;8;220;B66 B67;Bearwood Road|Three Shires Oak Road|Sandon Road',
  'solihull;Solihull town centre;52.413;-1.778;town;25;320;B91 B92;High Street|Poplar Way|Drury Lane|Warwick Road|Herbert Road',
  'shirley;Shirley;52.4069;-1.8215;local;8;260;B90;Stratford Road|Haslucks Green Road|Union Road',
];

/** Every centre, with the fields above. */
export const CENTRES: readonly Centre[] = CENTRE_ROWS.map((row) => {
  const [id, name, lat, lon, tier, weight, sigmaM, districts, streets] = row.split(';');
  return {
    id,
    name,
    lat: Number(lat),
    lon: Number(lon),
    tier: tier as CentreTier,
    weight: Number(weight),
    sigmaM: Number(sigmaM),
    districts: districts.split(' '),
    streets: streets.split('|'),
  };
});

/** Street names for addresses away from centres, or mixed into them. */
export const GENERIC_STREETS: readonly string[] = [
  'High Street|Church Road|Station Road|Park Road|Victoria Road|Albert Road|Mill Lane|Kingsway',
  'Green Lane|New Road|School Lane|Queens Road|Kings Road|Bridge Street|Manor Road|Broadway',
  'Warwick Road|Hall Green Road|Holly Lane|Chester Road|Well Lane|Gravelly Lane|Lodge Road',
  'Grove Lane|Coton Road|Stratford Road|Moor Lane|Bath Street|Canal Side|Market Place',
  'The Parade|Castle Road|Spring Road|Oak Street|Elm Road|Foundry Lane|Wharf Street|Forge Lane',
  'Chapel Street|Union Street|Cross Street',
]
  .join('|')
  .split('|');

/** The centre closest to a point, among those that pass `keep` (all, if none do). */
export function nearestCentre(lat: number, lon: number, keep = (_c: Centre) => true): Centre {
  const pool = CENTRES.some(keep) ? CENTRES.filter(keep) : CENTRES;
  let best = pool[0];
  let bestD = Infinity;
  for (const c of pool) {
    const d = distance2Km(lat, lon, c.lat, c.lon);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

/** Rail stations from wm-basemap-rail-stations.geojson, weighted by how central they are. */
export function loadStations(dir: string): Station[] {
  const fc = readJson<FeatureCollection<Point, {crs: string; name: string}>>(
    join(dir, 'wm-basemap-rail-stations.geojson'),
  );
  return fc.features.map((f) => {
    const [lon, lat] = f.geometry.coordinates;
    const name = f.properties.name;
    let weight = 1;
    for (const c of CENTRES) {
      const d2 = distance2Km(lat, lon, c.lat, c.lon);
      if (c.tier === 'city' && d2 < 1.2 * 1.2) weight = Math.max(weight, 6);
      else if (d2 < 1) weight = Math.max(weight, 2.5);
    }
    if (/New Street/.test(name)) weight = 14;
    return {name, lat, lon, weight};
  });
}
