// The language a client asks its problems in: the first language of Accept-Language, by its
// primary tag ("en-US,en;q=0.9" -> "en"). Chinese when there is none. The officer's app sends
// the language chosen on the phone; a 422 then names fields by the form's translated labels and
// says what is wrong in the engine's words of that language (Chinese where it has none).
export const DEFAULT_REQUEST_LANGUAGE = 'zh';

export function requestLanguage(acceptLanguage: string | undefined): string {
  const first = acceptLanguage?.split(',')[0]?.split(';')[0]?.trim().toLowerCase() ?? '';
  const primary = first.split('-')[0] ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : DEFAULT_REQUEST_LANGUAGE;
}
