/** The dataset's areas GeoJSON: polygons with code, name and optional population. */
import type {DatasetProblem} from './manifest';

/** One area, as the views need it. */
export interface Area {
  code: string;
  name: string;
  population: number | null;
  geometry: GeoJSON.Geometry;
}

/** Parse and check an areas file; bad features are reported by index. */
export function checkAreas(file: string, text: string): {areas: Area[]; problems: DatasetProblem[]} {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return {areas: [], problems: [{file, message: `is not valid JSON (${(err as Error).message})`}]};
  }
  const fc = json as GeoJSON.FeatureCollection;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return {areas: [], problems: [{file, message: 'is not a GeoJSON FeatureCollection'}]};
  }
  const problems: DatasetProblem[] = [];
  const areas: Area[] = [];
  fc.features.forEach((f, i) => {
    const props = (f?.properties ?? {}) as Record<string, unknown>;
    const type = f?.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      problems.push({file, message: `feature ${i} is not a Polygon or MultiPolygon`});
    } else if (typeof props.code !== 'string' || !props.code) {
      problems.push({file, column: 'code', message: `feature ${i} has no code`});
    } else if (
      props.population !== undefined &&
      props.population !== null &&
      !(typeof props.population === 'number' && props.population > 0)
    ) {
      problems.push({
        file,
        column: 'population',
        message: `feature ${i} (${props.code}) has population ${JSON.stringify(props.population)}; expected a positive number`,
      });
    } else {
      areas.push({
        code: props.code,
        name: typeof props.name === 'string' && props.name ? props.name : props.code,
        population: typeof props.population === 'number' ? props.population : null,
        geometry: f.geometry,
      });
    }
  });
  return {areas, problems: problems.slice(0, 20)};
}
