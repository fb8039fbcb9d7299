/** The evidence pack's data caveats, in words. */
import type {Manifest} from '../../data/manifest';
import {NEARBY_RADIUS_M} from '../premises/nearby';

/** What a licensing panel must know about these data before relying on them. */
export function caveatsOf(manifest: Manifest): string[] {
  const min = manifest.disclosure.min_count;
  return [
    ...(manifest.synthetic
      ? [
          'Synthetic data: these attendances are simulated and the premises are fictional; they describe no real person or venue and are not evidence.',
        ]
      : []),
    'ED data record where the assault happened as told by the patient; counts are attendances, not crimes, and are not verified by the police.',
    'Premises are named as recorded by emergency department staff; not every attendance at licensed premises names one, so counts for a premises are a minimum.',
    'Small numbers fluctuate: a change between two periods may be chance. The change test (exact test for two Poisson counts) assumes independent attendances and is not adjusted for the number of premises compared.',
    `Premises within ${NEARBY_RADIUS_M} m are listed because an assault outside or between venues may be attributed to the wrong one.`,
    `Small-number suppression: counts from 1 to ${min - 1} are shown as "<${min}" and their bars are hatched at that height. Where small counts could be worked out from a total (one alone, or several that could only take their least or most values), the next smallest value is withheld too ("*", hatched to the top of the chart's scale, which only the values shown set). Age and sex are shown separately, as a cross-table's totals would reveal small cells.`,
  ];
}
