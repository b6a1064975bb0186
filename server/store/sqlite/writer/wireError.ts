// Errors crossing from the writer thread: a structured clone keeps neither a class nor its extra
// fields, so a write's error travels as {name, message, kind, code} and is made again on arrival
// (a StoreConflict stays a StoreConflict, a DivisionInUse keeps its counts, a SQLite error keeps its code).
import { DivisionInUse, StoreConflict } from '../../Store';

export interface WireError {
  name: string;
  message: string;
  kind?: StoreConflict['kind'];
  code?: string;
  /** A DivisionInUse's division, households and submissions. */
  inUse?: [string, number, number];
}

export function toWire(error: unknown): WireError {
  if (error instanceof StoreConflict) return { name: error.name, message: error.message, kind: error.kind };
  if (error instanceof DivisionInUse) return { name: error.name, message: error.message, inUse: [error.division, error.households, error.submissions] };
  if (error instanceof Error) return { name: error.name, message: error.message, code: (error as { code?: string }).code };
  return { name: 'Error', message: String(error) };
}

export function fromWire(wire: WireError): Error {
  if (wire.name === 'StoreConflict' && wire.kind) return new StoreConflict(wire.kind, wire.message);
  if (wire.name === 'DivisionInUse' && wire.inUse) return new DivisionInUse(...wire.inUse);
  const error = new Error(wire.message) as Error & { code?: string };
  error.name = wire.name;
  if (wire.code !== undefined) error.code = wire.code;
  return error;
}
