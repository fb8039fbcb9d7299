/** The profile's charts and tables, shared by the profile panel and the evidence pack. */
import {formatHour} from '../../ui/format';
import {WEEKDAY_SHORT} from '../../ui/labels';
import {monthKinds} from '../evidence/month-rows';
import {countText, hourLine, itemText, maskedText} from '../evidence/suppress';
import {MONTHS} from '../ranking/months';
import {AFTER_CLOSING_DEFINITION} from './after-closing';
import {AgeSexTable} from './AgeSexTable';
import {BarChart} from './BarChart';
import {HBars} from './HBars';
import {axisPositionOf, NIGHT_ORDER} from './hour-axis';
import {NearbyTable} from './NearbyTable';
import type {ProfileData} from './useProfile';

/** Props of ProfileCharts. */
export interface ProfileChartsProps {
  data: ProfileData;
  /** Counts under this are suppressed; null shows every count. */
  minCount: number | null;
  /** Focus a nearby premises (absent in print). */
  onFocus?: (id: string) => void;
  /**
   * The dataset's time grain: by week or month, each row's date is the bucket's first day, so
   * weekdays are not recorded (and by month, hours neither).
   */
  grain: 'day' | 'week' | 'month';
  /** The dataset records the hour of the assault. */
  hasHours: boolean;
}

/** The weapon highlighted in the weapon mix (a licensing concern: glassware). */
export const HIGHLIGHT_WEAPON = 'glass_bottle';

/** Monthly trend, hour of night with closing time, weekdays, weapons, age and sex, neighbours. */
export function ProfileCharts({data, minCount, onFocus, grain, hasHours}: ProfileChartsProps) {
  const closing = data.details?.closingTime ?? null;
  const after = data.after;
  const afterSet = new Set(after?.hours ?? []);
  const closingAt = axisPositionOf(closing);
  const monthLabels = data.months.map((m) => `${MONTHS[Number(m.slice(5)) - 1]} ${m.slice(2, 4)}`);
  const everyMonth = data.months.length > 36 ? 12 : data.months.length > 12 ? 3 : 1;
  // As the weapon table and the hour chart beside them show their values (see suppress.ts).
  const glass = itemText(data.weapons, HIGHLIGHT_WEAPON, minCount);
  const hours = hourLine(data.byHour, data.unknownHour, NIGHT_ORDER, minCount);
  const afterPart = hours.part(NIGHT_ORDER.map((h) => afterSet.has(h)));
  return (
    <div className="profile-charts">
      <section className="profile-chart wide" aria-label="Monthly trend">
        <h4>Attendances by month</h4>
        <BarChart
          title="Attendances by month"
          values={data.monthly}
          kinds={monthKinds(data.months, data.monthly, minCount)}
          labels={monthLabels}
          labelEvery={everyMonth}
          minCount={minCount}
          height={130}
          width={720}
        />
      </section>
      <section className="profile-chart wide" aria-label="Hour of night">
        <h4>Hour of the assault</h4>
        {!hasHours ? (
          <p className="profile-note">This dataset does not record the hour of the assault.</p>
        ) : hours.withheld ? (
          <p className="profile-note" data-testid="after-closing">
            Hours withheld: with so few attendances, their hours (and whether they were after
            closing) would give away counts under {minCount}.
          </p>
        ) : (
          <>
            <BarChart
              title="Attendances by hour of the assault, 06:00 to 05:59"
              values={hours.values}
              kinds={hours.kinds}
              labels={NIGHT_ORDER.map((h) => formatHour(h).slice(0, 2))}
              labelEvery={3}
              highlight={NIGHT_ORDER.map((h) => afterSet.has(h))}
              marker={closingAt === null ? null : {at: closingAt, text: `closes ${closing}`}}
              minCount={minCount}
            />
            <p className="profile-note" data-testid="after-closing">
              {after === null
                ? 'Closing time not recorded: attendances after closing cannot be counted.'
                : after.known === 0
                  ? 'No attendances with a recorded hour.'
                  : `${afterPart.text} of ${hours.knownText} attendances with a recorded hour` +
                    (afterPart.hidden || hours.knownHidden || after.share === null
                      ? ''
                      : ` (${(after.share * 100).toFixed(0)}%)`) +
                    ` were after closing (${closing}), shaded.`}
              {data.unknownHour > 0 &&
                ` ${maskedText(data.unknownHour, hours.unknownKind, minCount)} with no recorded hour.`}
            </p>
            <p className="profile-definition">{AFTER_CLOSING_DEFINITION}</p>
          </>
        )}
      </section>
      <section className="profile-chart" aria-label="Weekday pattern">
        <h4>Day of the week</h4>
        {grain !== 'day' ? (
          <p className="profile-note">
            This dataset is by {grain}: each attendance is dated to its {grain}, so the day of the
            week is not known.
          </p>
        ) : (
          <BarChart
            title="Attendances by day of the week"
            values={data.byWeekday}
            labels={WEEKDAY_SHORT}
            minCount={minCount}
            showValues
            width={320}
          />
        )}
        {grain === 'day' && data.periods.night && (
          <p className="profile-note">Night-of: hours before 06:00 count to the day before.</p>
        )}
      </section>
      <section className="profile-chart" aria-label="Weapon mix">
        <h4>Weapon</h4>
        <HBars
          title="Attendances by weapon"
          heading="Weapon"
          items={data.weapons}
          byCount
          highlight={[HIGHLIGHT_WEAPON]}
          minCount={minCount}
        />
        {data.total > 0 && (
          <p className="profile-note">
            Glass or bottle: {glass.text} of {countText(data.total, minCount)}.
          </p>
        )}
      </section>
      <section className="profile-chart" aria-label="Age and sex">
        <h4>Age and sex</h4>
        <AgeSexTable ageSex={data.ageSex} minCount={minCount} />
      </section>
      <section className="profile-chart" aria-label="Nearby premises">
        <h4>Premises within 100 m</h4>
        <NearbyTable
          nearby={data.nearby}
          minCount={minCount}
          onFocus={onFocus}
          numbered={!onFocus}
        />
      </section>
    </div>
  );
}
