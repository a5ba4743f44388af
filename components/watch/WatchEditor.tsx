// Editing a rail watch: the classes wanted in order of preference (二等座, else 一等座: moved up
// and down with buttons, so the keyboard can do it), how many seats, which trains (codes; empty =
// any), and whether the day before and after count too.
import { useState } from 'preact/hooks';
import { pick, type Lang } from '../../lib/i18n';
import { t } from '../../lib/i18n/catalog';
import type { SeatClassId } from '../../lib/model';
import { CLASS_NAMES, SEAT_CLASSES, type RailWatch } from '../../lib/watch/model';

export interface WatchEdit {
  classes: SeatClassId[];
  seats: number;
  trains: string[];
  flexDays: 0 | 1;
}

/** `list` with the item at `i` moved by `by` places (clamped to the list). */
export function moved<T>(list: readonly T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (i < 0 || j < 0 || j >= list.length) return [...list];
  const out = [...list];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/** "g101, G103 d5" → ["G101", "G103", "D5"]; undefined when a code is not a train code. */
export function parseTrains(text: string): string[] | undefined {
  const codes = text.toUpperCase().split(/[\s,，、]+/).filter(Boolean);
  return codes.every((c) => /^[A-Z0-9]{1,8}$/.test(c)) ? [...new Set(codes)] : undefined;
}

export function WatchEditor(props: { lang: Lang; watch: RailWatch; onSave: (e: WatchEdit) => void; onCancel: () => void }) {
  const { lang, watch } = props;
  const [classes, setClasses] = useState<SeatClassId[]>(watch.classes);
  const [seats, setSeats] = useState(watch.seats);
  const [trains, setTrains] = useState(watch.trains.join(' '));
  const parsed = parseTrains(trains);
  const valid = classes.length > 0 && parsed !== undefined && seats >= 1 && seats <= 9;
  const [flex, setFlex] = useState(watch.flexDays === 1);
  // A class ticked last is the last resort; unticking keeps the others' order.
  const toggle = (c: SeatClassId) => setClasses((cs) => (cs.includes(c) ? cs.filter((x) => x !== c) : [...cs, c]));
  const move = (i: number, by: -1 | 1) => setClasses((cs) => moved(cs, i, by));
  const offered = SEAT_CLASSES.filter((c) => c !== 'qt');
  const name = (c: SeatClassId) => pick(lang, CLASS_NAMES[c]);
  return (
    <form
      class="ra-w-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) props.onSave({ classes, seats, trains: parsed, flexDays: flex ? 1 : 0 });
      }}
    >
      <fieldset>
        <legend>{t('watch_classes')}</legend>
        <ol class="ra-w-prefs">
          {classes.map((c, i) => (
            <li key={c} data-cls={c}>
              <label>
                <input type="checkbox" name="cls" value={c} checked onChange={() => toggle(c)} />
                {name(c)}
              </label>{' '}
              <button type="button" aria-label={t('watch_class_up', name(c))} disabled={i === 0} onClick={() => move(i, -1)}>
                ↑
              </button>
              <button type="button" aria-label={t('watch_class_down', name(c))} disabled={i === classes.length - 1} onClick={() => move(i, 1)}>
                ↓
              </button>
            </li>
          ))}
        </ol>
        {offered
          .filter((c) => !classes.includes(c))
          .map((c) => (
            <label key={c}>
              <input type="checkbox" name="cls" value={c} checked={false} onChange={() => toggle(c)} />
              {name(c)}
            </label>
          ))}
      </fieldset>
      <label>
        <input type="checkbox" name="flex" checked={flex} onChange={() => setFlex(!flex)} /> {t('watch_flex_days')}
      </label>
      <label>
        {t('watch_seats')}{' '}
        <input type="number" name="seats" min={1} max={9} value={seats} onInput={(e) => setSeats(Number((e.target as HTMLInputElement).value))} />
      </label>
      <label>
        {t('watch_trains')}{' '}
        <input type="text" name="trains" value={trains} onInput={(e) => setTrains((e.target as HTMLInputElement).value)} />
      </label>
      {!valid && <p class="ra-w-invalid">{t('watch_invalid')}</p>}
      <button type="submit" disabled={!valid}>
        {t('watch_save')}
      </button>
      <button type="button" onClick={props.onCancel}>
        {t('watch_cancel')}
      </button>
    </form>
  );
}
