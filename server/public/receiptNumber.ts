// A receipt number a resident can read out on the phone and copy by hand: 12 characters of
// base32 without the look-alikes 0, O, 1 and I (60 bits from node:crypto, so guessing one is
// hopeless), written in groups of four for reading (the groups' spaces are not part of it).
import { randomBytes } from 'node:crypto';

export const RECEIPT_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const RECEIPT_PATTERN = /^[2-9A-HJ-NP-Z]{12}$/;

export function newReceiptNumber(): string {
  return [...randomBytes(12)].map((b) => RECEIPT_ALPHABET[b & 31]).join('');
}

/** What a resident typed, as stored: spaces and dashes dropped, letters upper-cased. */
export function normalizeReceipt(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}
