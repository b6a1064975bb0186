// The text of a list's search box (?q=) as the store searches it: trimmed, and digits ending in a
// lower-case x (the tail of an ID number, "50011819620823002x") read with the X the registry
// stores, as imports and submissions store it (normalizeIdNumber).
export function searchText(q: string | undefined): string | undefined {
  const text = q?.trim();
  if (!text) return undefined;
  return /^\d+x$/.test(text) ? `${text.slice(0, -1)}X` : text;
}
