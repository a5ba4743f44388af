// A flight city as people type it (北京, 大兴, 虹桥机场, BJS, PKX), resolved by the worker
// (search.airCity) to the IATA city code fares are searched by, and shown back ("北京 · BJS") so
// the user sees what will be watched before adding it.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n/catalog';

export type AirCity = { code: string; name: string };

export function AirCityInput({
  name,
  label,
  placeholder,
  resolve,
  onResolved,
}: {
  name: string;
  label: string;
  placeholder: string;
  resolve: (q: string) => Promise<AirCity | null>;
  onResolved: (city: AirCity | null) => void;
}) {
  const [text, setText] = useState('');
  const [city, setCity] = useState<AirCity | null | undefined>(undefined);
  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setCity(undefined);
      onResolved(null);
      return;
    }
    let live = true;
    // A short pause while typing: one lookup per word, not per key.
    const timer = setTimeout(() => {
      void resolve(q)
        .catch(() => null)
        .then((c) => {
          if (!live) return;
          setCity(c);
          onResolved(c);
        });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);
  return (
    <span class="air-city">
      <input name={name} size={8} maxLength={20} placeholder={placeholder} aria-label={label} aria-invalid={city === null} value={text} onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)} />
      <span class="hint" aria-live="polite" data-testid={`${name}-resolved`}>
        {city ? `${city.name} · ${city.code}` : city === null ? t('fare_city_unknown') : ''}
      </span>
    </span>
  );
}
