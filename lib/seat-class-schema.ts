// The seat-class ids (lib/model.ts SeatClassId) as a zod schema, declared once for every message
// and stored item that carries a class.
import * as z from 'zod/mini';
import './zod-locale';
import type { SeatClassId } from './model';

export const SEAT_CLASS_IDS = ['swz', 'tz', 'zy', 'gg', 'ze', 'gr', 'rw', 'srrb', 'yw', 'rz', 'yz', 'wz', 'qt'] as const satisfies readonly SeatClassId[];

export const seatClassSchema = z.enum(SEAT_CLASS_IDS);
