// The popup's watches tab (提醒): every watch with its state, last check, seats-left sparkline,
// and editing, pausing, deleting (with undo, not a confirmation), export and import. Talks to the background only through the
// typed watch messages (the `send` prop lets tests stand in for the background).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { formatYuan, pick, type Lang } from '../../lib/i18n';
import { t, uiLang } from '../../lib/i18n/catalog';
import { joinList } from '../common/format';
import { send as sendMessage, type Name as MessageName, type Req, type Res } from '../../lib/messages/watch';
import type { Watch } from '../../lib/watch/model';
import type { WatchView } from '../../lib/watch/view';
import { searchUrl, fliggyUrl } from '../../lib/watch/notify';
import { Sparkline } from './Sparkline';
import { WatchEditor, type WatchEdit } from './WatchEditor';
import { FareWatchForm } from './FareWatchForm';
import type { AirCity } from './AirCityInput';
import { send as sendAirCity } from '../../lib/messages/air-city';
import { chinaDateOf, DAY_MS } from '../../lib/time';
import { routeText, sightingText, statusText, whatText, when } from './status-text';
import { WaitlistLine } from './WaitlistLine';

/** How long a deleted watch can be brought back. */
export const UNDO_MS = 8000;

export type Send = <N extends MessageName>(name: N, data: Req<N>) => Promise<Res<N>>;

export interface WatchListProps {
  send?: Send;
  /** How often the list refreshes while open (ms). */
  refreshMs?: number;
  /** Saves the exported JSON (default: downloads a file). */
  save?: (json: string, filename: string) => void;
  /** The fare form's city lookup (default: the worker's search.airCity). */
  resolveCity?: (q: string) => Promise<AirCity | null>;
}

const askCity = async (q: string) => (await sendAirCity('search.airCity', { q })).city;

type ListData = Res<'watch.list'>;

function download(json: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const CSS = `
.ra-w{font:13px/1.4 system-ui,sans-serif;color:var(--fg)}
.ra-w-bar{display:flex;gap:6px;align-items:center;margin:4px 0 8px}
.ra-w-bar .ra-w-sp{flex:1}
.ra-w-banner{padding:6px 8px;border-radius:6px;margin:0 0 8px;background:var(--warn-bg)}
.ra-w-list{list-style:none;margin:0;padding:0}
.ra-w-item{border:1px solid var(--border);border-radius:8px;padding:8px;margin:0 0 8px}
.ra-w-item[data-state=seats]{border-color:var(--plenty);background:var(--surface)}
.ra-w-item[data-state=expired]{color:var(--muted)}
.ra-w-row{display:flex;gap:8px;align-items:center;justify-content:space-between}
.ra-w-state{font-weight:600}
.ra-w-item[data-state=seats] .ra-w-state{color:var(--plenty)}
.ra-w-prefs{margin:0 0 4px;padding-left:18px;width:100%}
.ra-w-prefs button{font-size:11px;padding:0 4px}
.ra-w-meta{color:var(--muted);font-size:12px}
.ra-w-actions{display:flex;gap:4px;margin-top:6px;flex-wrap:wrap}
.ra-w-actions button,.ra-w-bar button,.ra-w-bar label{font-size:12px}
.ra-w-editor fieldset{display:flex;flex-wrap:wrap;gap:2px 8px;border:0;padding:0;margin:4px 0}
.ra-w-invalid{color:var(--danger)}
.ra-w-fare{margin:0 0 8px;font-size:12px}
.ra-w-fare input{font-size:12px}
`;

export function WatchList({ send = sendMessage as Send, refreshMs = 5000, save = download, resolveCity = askCity }: WatchListProps) {
  const lang = uiLang();
  const [data, setData] = useState<ListData | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [editing, setEditing] = useState<string | undefined>();
  const [note, setNote] = useState<string | undefined>();
  /** The watch just deleted, as an export file: undone for a few seconds instead of a confirmation. */
  const [undo, setUndo] = useState<string | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(undefined), UNDO_MS);
    return () => clearTimeout(timer);
  }, [undo]);

  const refresh = useCallback(async () => {
    try {
      setData(await send('watch.list', {}));
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [send]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), refreshMs);
    return () => clearInterval(timer);
  }, [refresh, refreshMs]);

  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
    await refresh();
  };

  const onExport = () =>
    act(async () => {
      const r = await send('watch.export', {});
      save(r.json, `railair-watches-${chinaDateOf(Date.now())}.json`);
      setNote(t('watch_exported', r.count));
    });

  const onImport = (file: File | undefined) =>
    file &&
    act(async () => {
      const r = await send('watch.import', { json: await file.text() });
      const done = t('watch_imported', r.added, r.duplicates);
      const why = joinList(r.errors.map((e) => (e.index < 0 ? e.message : `#${e.index + 1} ${e.message}`)), 'clauses');
      setNote(r.errors.length ? t('watch_imported_invalid', done, r.errors.length, why) : done);
    });

  const now = data?.now ?? Date.now();
  return (
    <section class="ra-w" aria-label={t('watch_section')}>
      <style>{CSS}</style>
      <div class="ra-w-bar">
        <span class="ra-w-sp">
          {data
            ? data.unreadable
              ? t('watch_unreadable', t('watch_summary', data.total, data.withSeats), data.unreadable)
              : t('watch_summary', data.total, data.withSeats)
            : t('popup_loading')}
        </span>
        {data?.backupAt !== undefined && (
          <span class="ra-w-invalid" role="status" data-testid="watch-backup">
            {t('watch_backup')}
          </span>
        )}
        <button type="button" onClick={onExport} disabled={!data?.total && !data?.unreadable}>
          {t('watch_export')}
        </button>
        {/* A button (reachable by keyboard) opens the file picker of the hidden input. */}
        <button type="button" onClick={() => fileInput.current?.click()} data-testid="watch-import">
          {t('watch_import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          aria-hidden="true"
          tabIndex={-1}
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            void onImport(input.files?.[0]);
            input.value = '';
          }}
        />
      </div>
      {undo && (
        <p class="ra-w-banner" role="status" data-testid="watch-undo">
          {t('watch_deleted')}{' '}
          <button
            type="button"
            onClick={() =>
              act(async () => {
                setUndo(undefined);
                await send('watch.import', { json: undo });
                setNote(t('watch_restored'));
              })
            }
          >
            {t('watch_undo')}
          </button>
        </p>
      )}
      {data?.backoff && (
        <p class="ra-w-banner" role="status">
          {t('watch_backoff', pick(lang, data.backoff.message), when(data.backoff.until, now))}
        </p>
      )}
      {!data?.backoff && data?.quietUntil !== undefined && (
        <p class="ra-w-banner" role="status">
          {t('watch_quiet', when(data.quietUntil, now))}
        </p>
      )}
      {error && (
        <p class="ra-w-banner" role="alert">
          {t('watch_error', error)}
        </p>
      )}
      {note && <p class="ra-w-meta">{note}</p>}
      {data && data.watches.length === 0 && (
        <p class="ra-w-meta">
          {t('watch_empty')}
        </p>
      )}
      <FareWatchForm
        defaultDate={chinaDateOf(now + DAY_MS)}
        resolveCity={resolveCity}
        onAdd={(f) =>
          act(async () => {
            const r = await send('watch.createFare', f);
            setNote(r.created ? t('watch_fare_added') : t('watch_exists'));
          })
        }
      />
      <ul class="ra-w-list">
        {data?.watches.map((v) => (
          <WatchItem
            key={v.watch.id}
            lang={lang}
            view={v}
            now={now}
            editing={editing === v.watch.id}
            onEdit={() => setEditing(v.watch.id)}
            onCancel={() => setEditing(undefined)}
            onSave={(e) =>
              act(async () => {
                await send('watch.update', { id: v.watch.id, ...e });
                setEditing(undefined);
              })
            }
            onPause={(paused) => act(() => send('watch.pause', { id: v.watch.id, paused }))}
            onDelete={() =>
              act(async () => {
                const r = await send('watch.delete', { id: v.watch.id });
                setUndo(r.restore);
              })
            }
          />
        ))}
      </ul>
    </section>
  );
}

function linkOf(w: Watch): string {
  return w.kind === 'rail' ? searchUrl(w.date, w.from, w.to) : fliggyUrl(w);
}

interface ItemProps {
  lang: Lang;
  view: WatchView;
  now: number;
  editing: boolean;
  onEdit: () => void;
  onCancel: () => void;
  onSave: (e: WatchEdit) => void;
  onPause: (paused: boolean) => void;
  onDelete: () => void;
}

function WatchItem({ lang, view, now, editing, onEdit, onCancel, onSave, onPause, onDelete }: ItemProps) {
  const { watch: w, status } = view;
  return (
    <li class="ra-w-item" data-state={status.kind} data-watch={w.id}>
      <div class="ra-w-row">
        <strong>{routeText(w)}</strong>
        <span class="ra-w-state">{statusText(lang, status, now)}</span>
      </div>
      <div class="ra-w-row">
        <span>{whatText(lang, w)}</span>
        <Sparkline points={w.history} label={w.kind === 'rail' ? t('watch_spark_seats') : t('watch_spark_fare')} />
      </div>
      {w.kind === 'rail' && w.available.length > 0 && (
        <div class="ra-w-seats">{w.available.slice(0, 4).map((s) => sightingText(lang, s, w)).join(' · ')}</div>
      )}
      {w.kind === 'rail' && w.available.length === 0 && w.waitlist?.[0] && <WaitlistLine lang={lang} watch={w} s={w.waitlist[0]} />}
      {w.kind === 'fare' && w.lowestFen !== undefined && (
        <div class="ra-w-meta">
          {t('watch_lowest', formatYuan(w.lowestFen))}
          {w.lowestFlight ? ` (${w.lowestFlight})` : ''}
        </div>
      )}
      <div class="ra-w-meta">
        {w.lastCheckedAt !== undefined
          ? t('watch_last_checked', when(w.lastCheckedAt, now))
          : t('watch_not_checked')}
      </div>
      {editing && w.kind === 'rail' ? (
        <WatchEditor lang={lang} watch={w} onSave={onSave} onCancel={onCancel} />
      ) : (
        <div class="ra-w-actions">
          {w.kind === 'rail' && w.status === 'active' && (
            <button type="button" onClick={onEdit}>
              {t('watch_edit')}
            </button>
          )}
          {w.status === 'active' && (
            <button type="button" onClick={() => onPause(!w.paused)}>
              {w.paused ? t('watch_resume') : t('watch_pause')}
            </button>
          )}
          <button type="button" onClick={onDelete}>
            {t('watch_delete')}
          </button>
          <a href={linkOf(w)} target="_blank" rel="noreferrer">
            {w.kind === 'rail' ? t('watch_open_12306') : t('watch_open_fliggy')}
          </a>
        </div>
      )}
    </li>
  );
}
