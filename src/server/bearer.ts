/** The credentials of an `Authorization: Bearer …` header; the scheme is case-insensitive (RFC 9110 §11.1). */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^bearer[ \t]+(\S+)[ \t]*$/i);
  return match?.[1];
}
