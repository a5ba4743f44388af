// Flights: number, airline, airports and terminals, times, price, source and its age.
import type { Lang } from '../../lib/i18n';
import { formatYuan, tr } from '../../lib/i18n';
import type { AirOption, Airport } from '../../lib/model';
import { formatDuration } from '../../lib/time';
import { hm } from '../common/format';

const port = (a: Airport) => `${a.name ?? a.code}${a.terminal ? ` ${a.terminal}` : ''}`;

export function FlightList({ flights, lang, marked }: { flights: AirOption[]; lang: Lang; marked: ReadonlySet<string> }) {
  return (
    <ul class="options flights" aria-label={tr(lang, '航班', 'Flights')}>
      {flights.map((f) => (
        <li key={f.id} class={`option flight${marked.has(f.id) ? ' recommended' : ''}`} data-testid="flight">
          <div class="line1">
            <strong class="code">{f.flightNo}</strong>
            <span class="type">{f.airlineName ?? f.airline}</span>
            <span class="times">
              {hm(f.depart)} → {hm(f.arrive)}
              {f.arriveDayOffset > 0 && <sup class="plus">+{f.arriveDayOffset}</sup>}
            </span>
            <span class="dur">{formatDuration(f.durationMin, lang === 'en' ? 'en' : 'zh')}</span>
            {marked.has(f.id) && <span class="star" title={tr(lang, '推荐', 'Recommended')}>★</span>}
          </div>
          <div class="line2">
            <span class="stations">
              {port(f.from)} → {port(f.to)}
            </span>
            {f.stops > 0 && <span class="status">{tr(lang, `经停${f.stops}次`, `${f.stops} stop(s)`)}</span>}
            {f.transfer && <span class="status">{tr(lang, '中转', 'Connection')}</span>}
          </div>
          <div class="seats">
            {f.lowest ? (
              <span class="seat seat-plenty fare">
                {formatYuan(f.lowest.price)}
                {f.lowest.taxes !== undefined && <span class="taxes"> +{formatYuan(f.lowest.taxes)} {tr(lang, '税费', 'taxes')}</span>}
                {f.lowest.seatsLeft !== undefined && f.lowest.seatsLeft < 10 && (
                  <span class="seat-left"> {tr(lang, `剩${f.lowest.seatsLeft}张`, `${f.lowest.seatsLeft} left`)}</span>
                )}
              </span>
            ) : (
              <span class="seat seat-none">{tr(lang, '无票价', 'No fare')}</span>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
