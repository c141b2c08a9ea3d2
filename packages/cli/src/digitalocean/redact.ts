/** Removes the token from text that came from elsewhere (an echoing proxy, an error body). */
export function redactToken(text: string, token: string): string {
  return token.length === 0 ? text : text.split(token).join('[redacted]');
}
