// From / to field with autocomplete over the station list (Chinese, pinyin, initials,
// telecode; cities first, then stations). Keyboard: ↑/↓ move, Enter picks, Esc closes.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n/catalog';
import type { Place } from '../../lib/messages/search';
import type { StationChoice } from './api';

export interface StationInputProps {
  id: string;
  label: string;
  value: Place | null;
  onChange: (p: Place | null) => void;
  search: (q: string) => Promise<StationChoice[]>;
}

export function toPlace(c: StationChoice): Place {
  return { kind: c.kind, name: c.name, telecode: c.telecode, city: c.city };
}

export function StationInput({ id, label, value, onChange, search }: StationInputProps) {
  const [text, setText] = useState(value?.name ?? '');
  const [hits, setHits] = useState<StationChoice[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [noMatch, setNoMatch] = useState(false);
  const seq = useRef(0);

  // Outside changes (swap, restore) show in the field.
  useEffect(() => setText(value?.name ?? ''), [value?.name, value?.telecode]);

  async function lookup(q: string) {
    const n = ++seq.current;
    if (!q.trim()) {
      setHits([]);
      setOpen(false);
      setNoMatch(false);
      return;
    }
    const found = await search(q.trim()).catch(() => []);
    if (n !== seq.current) return; // a later keystroke won
    setHits(found);
    setActive(0);
    setOpen(found.length > 0);
    setNoMatch(found.length === 0);
  }

  function pick(c: StationChoice) {
    setText(c.name);
    setOpen(false);
    setNoMatch(false);
    onChange(toPlace(c));
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open && hits.length) setOpen(true);
      else setActive((i) => Math.min(hits.length - 1, i + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === 'Enter' && open && hits[active]) {
      e.preventDefault(); // picking, not submitting
      pick(hits[active]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
    }
  }

  const listId = `${id}-list`;
  return (
    <div class="station-input">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && hits[active] ? `${id}-opt-${active}` : undefined}
        placeholder={t('popup_station_placeholder')}
        value={text}
        onInput={(e) => {
          const v = (e.currentTarget as HTMLInputElement).value;
          setText(v);
          if (value && v !== value.name) onChange(null);
          void lookup(v);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {noMatch && (
        <p class="no-match" role="status">
          {t('popup_no_match')}
        </p>
      )}
      {open && (
        <ul id={listId} role="listbox" class="suggestions">
          {hits.map((h, i) => (
            <li
              key={`${h.kind}-${h.telecode}-${h.name}`}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(h);
              }}
            >
              <span class="hit-name">{h.name}</span>
              <span class="hit-kind">
                {h.kind === 'city'
                  ? h.stations?.length
                    ? t('popup_hit_city_stations', h.stations.length)
                    : t('popup_hit_city')
                  : `${h.telecode}${h.city && h.city !== h.name ? ` · ${h.city}` : ''}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
