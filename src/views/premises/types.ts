/** Words for premises types of the data contract. */

const TYPE_LABELS: Record<string, string> = {
  pub: 'Pub',
  bar: 'Bar',
  nightclub: 'Nightclub',
  restaurant: 'Restaurant',
  late_night_refreshment: 'Late-night refreshment',
  off_licence: 'Off-licence',
  hotel: 'Hotel',
  other: 'Other',
};

/** A premises type in words ("–" when unknown). */
export function premisesTypeLabel(type: string | null | undefined): string {
  if (!type) return '–';
  return TYPE_LABELS[type] ?? type;
}
