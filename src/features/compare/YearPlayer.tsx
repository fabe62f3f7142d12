// A year slider with a play button for the one-year chart. The year lives in
// the URL like every choice; playing steps through the years with data, one a
// second and a bit, and stops at the last. With reduced motion asked for, the
// button steps one year per press instead of playing by itself.
import { useEffect, useRef, useState } from 'react';
import { useMediaQuery } from '../../components/use-media-query.ts';
import type { T } from '../../i18n/i18n.ts';
import { nextYear, startYear } from './player-model.ts';

const STEP_MS = 1200;

export function YearPlayer(props: { years: number[]; value: number | 'latest'; onChange: (y: number, how: 'push' | 'replace') => void; t: T }) {
  const { years, value, onChange, t } = props;
  const reduced = useMediaQuery('(prefers-reduced-motion: reduce)');
  const [playing, setPlaying] = useState(false);
  const current = useRef(value);
  current.current = value;
  const drag = useRef<'idle' | 'down' | 'moving'>('idle');
  const key = years.join(',');
  // A new set of years (another indicator, basis or selection) stops the player.
  useEffect(() => setPlaying(false), [key]);
  useEffect(() => {
    if (!playing) return;
    const id = window.setInterval(() => {
      const next = nextYear(years, current.current);
      if (next === null) setPlaying(false);
      else onChange(next, 'replace');
    }, STEP_MS);
    return () => window.clearInterval(id);
  }, [playing, key]);
  if (years.length < 2) return null;
  const index = typeof value === 'number' ? years.indexOf(value) : -1;
  const toggle = () => {
    if (reduced) {
      onChange(nextYear(years, value, true)!, 'push');
      return;
    }
    if (playing) {
      setPlaying(false);
      return;
    }
    const first = startYear(years, value)!;
    // One history entry for the whole run: Back returns to where playing began.
    onChange(first, 'push');
    setPlaying(true);
  };
  return (
    <div className="year-player" role="group" aria-label={t('player.label')}>
      <button
        type="button"
        className="button year-player__play"
        onClick={toggle}
        aria-pressed={reduced ? undefined : playing}
        aria-label={reduced ? t('player.step') : t('player.play')}
        title={reduced ? t('player.step') : t('player.play')}
        data-testid="year-play"
      >
        <span aria-hidden="true">{reduced ? '▶|' : playing ? '❚❚' : '▶'}</span>
      </button>
      <input
        type="range"
        min={0}
        max={years.length - 1}
        step={1}
        value={index < 0 ? years.length - 1 : index}
        aria-label={t('player.slider')}
        aria-valuetext={index < 0 ? t('pick.latest') : String(years[index])}
        onPointerDown={() => (drag.current = 'down')}
        onPointerUp={() => (drag.current = 'idle')}
        onChange={(e) => {
          setPlaying(false);
          const how = drag.current === 'moving' ? 'replace' : 'push';
          if (drag.current === 'down') drag.current = 'moving';
          onChange(years[Number(e.target.value)]!, how);
        }}
        data-testid="year-slider"
      />
      <span className="year-player__value" aria-hidden="true">
        {index < 0 ? t('pick.latest') : years[index]}
      </span>
      <span className="visually-hidden" aria-live="polite">
        {playing && index >= 0 ? years[index] : ''}
      </span>
    </div>
  );
}
