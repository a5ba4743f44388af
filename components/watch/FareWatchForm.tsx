// Adding a flight-price watch: the cities as people type them (北京, 大兴, BJS…, resolved by the
// worker to the IATA city codes fares are searched by), date, and the price to fall to, taxes in.
// It is checked against every flight answer the extension sees (Taobao Open Platform, Fliggy).
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n/catalog';
import { isChinaDate } from '../../lib/time';
import { AirCityInput, type AirCity } from './AirCityInput';

export interface FareWatchInput {
  date: string;
  fromCity: string;
  toCity: string;
  maxFen: number;
}

export function FareWatchForm(props: { defaultDate: string; onAdd: (w: FareWatchInput) => void; resolveCity: (q: string) => Promise<AirCity | null> }) {
  const [from, setFrom] = useState<AirCity | null>(null);
  const [to, setTo] = useState<AirCity | null>(null);
  const [date, setDate] = useState(props.defaultDate);
  const [yuan, setYuan] = useState('');
  const price = Number(yuan);
  const valid = !!from && !!to && from.code !== to.code && isChinaDate(date) && Number.isFinite(price) && price >= 1;
  const text = (set: (v: string) => void) => (e: Event) => set((e.target as HTMLInputElement).value.trim());
  return (
    <form
      class="ra-w-fare"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) props.onAdd({ date, fromCity: from.code, toCity: to.code, maxFen: Math.round(price * 100) });
      }}
    >
      <strong>{t('watch_fare_title')}</strong>{' '}
      <AirCityInput name="fromCity" label={t('watch_fare_from')} placeholder={t('watch_fare_from_example')} resolve={props.resolveCity} onResolved={setFrom} />
      {' → '}
      <AirCityInput name="toCity" label={t('watch_fare_to')} placeholder={t('watch_fare_to_example')} resolve={props.resolveCity} onResolved={setTo} />{' '}
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
