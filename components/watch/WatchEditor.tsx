// Editing a rail watch: the classes wanted, how many seats, which trains (codes; empty = any).
import { useState } from 'preact/hooks';
import { pick, type Lang } from '../../lib/i18n';
import { t } from '../../lib/i18n/catalog';
import type { SeatClassId } from '../../lib/model';
import { CLASS_NAMES, SEAT_CLASSES, type RailWatch } from '../../lib/watch/model';

export interface WatchEdit {
  classes: SeatClassId[];
  seats: number;
  trains: string[];
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
  const toggle = (c: SeatClassId) => setClasses((cs) => (cs.includes(c) ? cs.filter((x) => x !== c) : [...cs, c]));
  return (
    <form
      class="ra-w-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) props.onSave({ classes, seats, trains: parsed });
      }}
    >
      <fieldset>
        <legend>{t('watch_classes')}</legend>
        {SEAT_CLASSES.filter((c) => c !== 'qt').map((c) => (
          <label key={c}>
            <input type="checkbox" name="cls" value={c} checked={classes.includes(c)} onChange={() => toggle(c)} />
            {pick(lang, CLASS_NAMES[c])}
          </label>
        ))}
      </fieldset>
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
