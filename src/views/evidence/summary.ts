/** The evidence pack's key findings, in words, with suppression applied. */
import {formatCount, formatRange} from '../../ui/format';
import type {ProfileData} from '../premises/useProfile';
import {changeCellOf} from '../ranking/change';
import {NIGHT_ORDER} from '../premises/hour-axis';
import {countText, hourLine, isSuppressed, itemText, shareText} from './suppress';

/** What the summary reads from the profile. */
export type SummaryInput = Pick<
  ProfileData,
  | 'ranking'
  | 'ranked'
  | 'total'
  | 'after'
  | 'periods'
  | 'details'
  | 'weapons'
  | 'byHour'
  | 'unknownHour'
>;

/** One sentence per finding. */
export function summaryLines(d: SummaryInput, minCount: number): string[] {
  const c = (n: number) => countText(n, minCount);
  const period = formatRange(d.periods.from, d.periods.to);
  const lines = [`${c(d.total)} attendances linked to these premises, ${period}.`];
  const r = d.ranking;
  if (r) {
    const licensed = r.share ? r.n / r.share : 0;
    lines.push(
      `Rank ${r.rank} of ${d.ranked === null ? '?' : formatCount(d.ranked)} premises with attendances under these filters ` +
        `(by attendances; tied premises share a rank); ` +
        `${shareText(r.n, licensed, minCount)} of ${c(licensed)} attendances at licensed premises.`,
    );
    if (r.prev === null || d.periods.change === null) {
      lines.push(d.periods.noComparison);
    } else if (isSuppressed(r.n, minCount) || isSuppressed(r.prev, minCount)) {
      lines.push(`Change not shown: a count under ${minCount}.`);
    } else {
      const cell = changeCellOf(r.n, r.prev, d.periods.change);
      lines.push(`Change: ${cell.text}${cell.marker ? ` (${cell.marker})` : ''}; ${cell.title}.`);
    }
  }
  const a = d.after;
  const hours = hourLine(d.byHour, d.unknownHour, NIGHT_ORDER, minCount);
  if (a && a.known > 0 && hours.withheld) {
    lines.push(
      'Attendances after closing time: withheld, as the hours would give away small counts.',
    );
  } else if (a && a.known > 0) {
    // As the hour chart shows its bars: the part must not say the total of withheld ones.
    const part = hours.part(NIGHT_ORDER.map((h) => a.hours.includes(h)));
    const share =
      part.hidden || hours.knownHidden ? '' : ` (${shareText(a.after, a.known, null, 0)})`;
    lines.push(
      `${part.text} of ${hours.knownText} attendances with a recorded hour${share} were after ` +
        `closing time${d.details?.closingTime ? ` (${d.details.closingTime})` : ''}.`,
    );
  }
  // As the weapon table shows it: a withheld glass count stays withheld here.
  const glass = itemText(d.weapons, 'glass_bottle', minCount);
  const glassN = d.weapons.find((w) => w.code === 'glass_bottle')?.n ?? 0;
  if (d.total > 0) {
    lines.push(
      `Glass or bottle used: ${glass.text} of ${c(d.total)}` +
        (glass.hidden ? '.' : ` (${shareText(glassN, d.total, null, 0)}).`),
    );
  }
  return lines;
}
