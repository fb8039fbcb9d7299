/** Time-lapse: play through the data month by month (or week by week); every view follows. */
import {useEffect, useRef, useState} from 'react';
import type {Dataset} from '../../data/load-dataset';
import {useApp} from '../../state/AppContext';
import {setFilter, type Filters} from '../../state/filters';
import {coveredPeriod} from '../../data/period';
import {useFilters} from '../../state/useSelection';
import {formatRange} from '../../ui/format';
import {bucketEnd, bucketStart, nextBucket} from './series';

/** Props of TimeLapse. */
export interface TimeLapseProps {
  dataset: Dataset;
}

/** Seconds per step offered by the speed control. */
const SPEEDS_S = [2, 1, 0.5];

/** Play/pause, step unit and speed. */
export function TimeLapse({dataset}: TimeLapseProps) {
  const app = useApp();
  const {selection} = app;
  const dates = useFilters(selection).dates;
  const [playing, setPlaying] = useState(false);
  const [unit, setUnit] = useState<'month' | 'week'>('month');
  const [speed, setSpeed] = useState(1);
  // The bucket on screen, unclamped (the first and last may be cut by the data's span); a pause
  // keeps it, so play resumes where it stopped.
  const position = useRef<string | null>(null);
  // The dates chosen before play: played through, and put back when play ends.
  const [before, setBefore] = useState<Filters['dates']>(undefined);
  const range = coveredPeriod(before, dataset.period);
  const [start, end] = [range.from, range.to];
  const canWeek = dataset.manifest.time_grain !== 'month';
  // The dates the last step set: dates set otherwise while paused end the time-lapse.
  const stepped = useRef<{from: string; to: string} | null>(null);

  // The map keeps one set of colour classes while the time-lapse lasts (see AppState.timeLapse).
  useEffect(() => {
    if (playing) app.setTimeLapse({unit, from: start, to: end});
  }, [playing, unit, start, end, app]);
  useEffect(() => () => app.setTimeLapse(null), [app]);
  useEffect(() => {
    const last = stepped.current;
    if (playing || position.current === null || !last) return;
    if (dates?.from !== last.from || dates?.to !== last.to) {
      position.current = null;
      stepped.current = null;
      app.setTimeLapse(null);
    }
  }, [dates, playing, app]);

  useEffect(() => {
    if (!playing) return;
    const step = () => {
      const last = position.current;
      const bucket =
        last === null ? bucketStart(start, unit) : nextBucket(bucketStart(last, unit), unit);
      if (bucket > end) {
        position.current = null;
        stepped.current = null;
        app.setTimeLapse(null);
        setPlaying(false);
        app.replacingUrl(() => setFilter(selection, 'dates', before));
        return;
      }
      position.current = bucket;
      const to = bucketEnd(bucket, unit);
      stepped.current = {from: bucket < start ? start : bucket, to: to > end ? end : to};
      app.replacingUrl(() => setFilter(selection, 'dates', stepped.current!));
    };
    step();
    const timer = window.setInterval(step, speed * 1000);
    return () => window.clearInterval(timer);
  }, [playing, unit, speed, app, selection, start, end, before]);

  return (
    <div className="time-lapse" role="group" aria-label="Time-lapse">
      <button
        type="button"
        aria-pressed={playing}
        onClick={() => {
          // A fresh play remembers the dates chosen now; a resumed one keeps what it had.
          if (!playing && position.current === null) setBefore(dates);
          setPlaying(!playing);
        }}
      >
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <select
        aria-label="Time-lapse step"
        value={unit}
        onChange={(e) => setUnit(e.target.value as 'month' | 'week')}
      >
        <option value="month">by month</option>
        {canWeek && <option value="week">by week</option>}
      </select>
      <select
        aria-label="Time-lapse speed"
        value={speed}
        onChange={(e) => setSpeed(Number(e.target.value))}
      >
        {SPEEDS_S.map((s) => (
          <option key={s} value={s}>
            {s} s a step
          </option>
        ))}
      </select>
      {playing && dates?.from && dates.to && (
        <span className="time-lapse-now">{formatRange(dates.from, dates.to)}</span>
      )}
    </div>
  );
}
