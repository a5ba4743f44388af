// Adding a flight-price watch: city pair (IATA city codes), date, and the price to fall to.
// It is checked against every flight answer the extension sees (Taobao Open Platform, Fliggy).
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n/catalog';
import { isChinaDate } from '../../lib/time';

export interface FareWatchInput {
  date: string;
  fromCity: string;
  toCity: string;
  maxFen: number;
}

export function FareWatchForm(props: { defaultDate: string; onAdd: (w: FareWatchInput) => void }) {
  const [fromCity, setFrom] = useState('');
  const [toCity, setTo] = useState('');
  const [date, setDate] = useState(props.defaultDate);
  const [yuan, setYuan] = useState('');
  const code = (s: string) => /^[A-Z]{3}$/.test(s);
  const price = Number(yuan);
  const valid = code(fromCity) && code(toCity) && fromCity !== toCity && isChinaDate(date) && Number.isFinite(price) && price >= 1;
  const text = (set: (v: string) => void, upper = false) => (e: Event) => {
    const v = (e.target as HTMLInputElement).value.trim();
    set(upper ? v.toUpperCase() : v);
  };
  return (
    <form
      class="ra-w-fare"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) props.onAdd({ date, fromCity, toCity, maxFen: Math.round(price * 100) });
      }}
    >
      <strong>{t('watch_fare_title')}</strong>{' '}
      <input name="fromCity" size={4} maxLength={3} placeholder="BJS" aria-label={t('watch_fare_from')} value={fromCity} onInput={text(setFrom, true)} />
      {' → '}
      <input name="toCity" size={4} maxLength={3} placeholder="SHA" aria-label={t('watch_fare_to')} value={toCity} onInput={text(setTo, true)} />{' '}
      <input name="date" type="date" aria-label={t('watch_fare_date')} value={date} onInput={text(setDate)} />{' '}
      ≤ ¥<input name="maxYuan" type="number" min={1} size={6} aria-label={t('watch_fare_max')} value={yuan} onInput={text(setYuan)} />{' '}
      {/* Compared taxes-in, on fares an ordinary adult (or the traveller, per Options) can buy: lib/watch/fare.ts. */}
      <span class="hint">{t('watch_fare_taxes')}</span>{' '}
      <button type="submit" disabled={!valid}>
        {t('watch_fare_add')}
      </button>
    </form>
  );
}
