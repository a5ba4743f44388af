// Lenient readers for values out of third-party JSON/XML, where a number may arrive as a number
// or a numeric string (XML leaves are always strings) and blanks mean "absent".

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A number from a JSON number or a numeric string; undefined otherwise. */
export function num(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

/** A trimmed non-empty string (numbers are written out); undefined otherwise. */
export function str(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const t = v.trim();
    return t ? t : undefined;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** Not undefined, null or the empty string. */
export const present = (v: unknown) => v !== undefined && v !== null && v !== '';

/** A three-letter IATA code, upper-cased, or undefined for anything else (numbers, names, empty). */
export const iata = (v: unknown) => (typeof v === 'string' && /^[A-Za-z]{3}$/.test(v.trim()) ? v.trim().toUpperCase() : undefined);
