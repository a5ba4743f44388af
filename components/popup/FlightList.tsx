// Flights: number, airline, airports and terminals, times, and the fare the traveller would pay
// (taxes in, the same reading as the comparison's: lib/compare/price.ts). Fares sold only to
// others (限16–25周岁, 会员价, 头等舱…) are shown apart with their condition in words, never as
// the flight's price. A flight that has left is greyed; the others link to Fliggy's search with
// the flight named, where the overlay rings it.
import type { Lang } from '../../lib/i18n';
import { formatYuan, pick } from '../../lib/i18n';
import { t } from '../../lib/i18n/catalog';
import type { AirOption, Airport } from '../../lib/model';
import { fareAmount, type Qualifications } from '../../lib/compare/fare-conditions';
import { airPrice } from '../../lib/compare/price';
import { OptionItem } from './OptionItem';
import { connectionVia, directFirst } from '../../lib/air/connection';
import { withFocus } from '../../lib/sites/focus';

const port = (a: Airport) => `${a.name ?? a.code}${a.terminal ? ` ${a.terminal}` : ''}`;
/** Conditional fares shown per flight (cheapest first); more would crowd the popup. */
const MAX_CONDITIONAL = 2;

function Fares({ flight, lang, qualifies }: { flight: AirOption; lang: Lang; qualifies: Qualifications }) {
  const p = airPrice(flight, qualifies);
  // Seats left at the fare shown, when the source says (the fare at that taxes-in price).
  const shown = p.price === undefined ? undefined : flight.fares.find((f) => f.seatsLeft !== 0 && fareAmount(f) === p.price);
  const left = shown?.seatsLeft;
  return (
    <div class="seats">
      {p.price !== undefined ? (
        <span class="seat seat-plenty fare" data-testid="fare">
          {p.cls && <span class="seat-name">{pick(lang, p.cls)} </span>}
          {formatYuan(p.price)}
          {p.condition && <span class="fare-cond"> {pick(lang, p.condition.text)}</span>}
          <span class="taxes"> {p.priceIncludesTaxes ? t('popup_fare_taxes_in') : t('popup_fare_taxes_out')}</span>
          {left !== undefined && left < 10 && <span class="seat-left"> {t('popup_fare_left', left)}</span>}
        </span>
      ) : (
        <span class="seat seat-none">{p.conditionalOnly ? t('popup_fare_restricted_only') : t('popup_fare_none')}</span>
      )}
      {p.conditional?.slice(0, MAX_CONDITIONAL).map((c) => (
        <span key={`${c.price}${c.condition.text.zh}`} class="seat fare-conditional" data-testid="conditional-fare" title={t('popup_fare_conditional')}>
          {formatYuan(c.price)} {pick(lang, c.condition.text)}
        </span>
      ))}
    </div>
  );
}

export function FlightList({
  flights,
  lang,
  marked,
  now,
  qualifies,
  buyUrl,
}: {
  flights: AirOption[];
  /** Fliggy's search for the day and cities: each flight links there with itself named (lib/sites/focus.ts). */
  buyUrl?: string | undefined;
  lang: Lang;
  marked: ReadonlySet<string>;
  /** Flights departing before this have left. */
  now: number;
  /** What the traveller said fits them (settings.qualifications). */
  qualifies: Qualifications;
}) {
  // Connections (one ticket, several flights) are listed apart, after the direct flights.
  const { direct, connections } = directFirst(flights, (f) => f.transfer === true);
  const item = (f: AirOption) => {
    const via = connectionVia(f);
    return (
      <OptionItem key={f.id} kind="flight" o={f} code={f.flightNo} type={f.airlineName ?? f.airline} lang={lang} marked={marked} now={now}>
        <div class="line2">
          <span class="stations">
            {port(f.from)} → {port(f.to)}
          </span>
          {f.depart < now && <span class="status">{t('popup_departed')}</span>}
          {!f.transfer && f.stops > 0 && <span class="status">{f.stops === 1 ? t('popup_stops_one') : t('popup_stops', f.stops)}</span>}
          {via && (
            <span class="status" data-testid="via">
              {pick(lang, via)}
            </span>
          )}
          {buyUrl && f.depart >= now && (
            <a class="buy" href={withFocus(buyUrl, f.flightNo)} target="_blank" rel="noopener" data-testid="flight-buy">
              {t('popup_flight_buy')}
            </a>
          )}
        </div>
        <Fares flight={f} lang={lang} qualifies={qualifies} />
      </OptionItem>
    );
  };
  return (
    <>
      <ul class="options flights" aria-label={t('popup_flights')}>
        {direct.map(item)}
      </ul>
      {connections.length > 0 && (
        <>
          <h3 class="group-title">{t('popup_connections_title')}</h3>
          <ul class="options flights connections" aria-label={t('popup_connections')} data-testid="connections">
            {connections.map(item)}
          </ul>
        </>
      )}
    </>
  );
}
