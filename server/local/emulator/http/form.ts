/**
 * Parameters of `POST /oauth/v2/token`, which Zoho reads from the query string, an urlencoded body or a
 * multipart body (the TypeScript SDK sends multipart/form-data).
 */
export function parseFormBody(contentType: string | undefined, body: Buffer): Record<string, string> {
  const type = (contentType ?? '').toLowerCase();
  const text = body.toString('utf8');
  if (type.startsWith('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text));
  if (type.startsWith('multipart/form-data')) {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
    return boundary ? parseMultipart(text, boundary) : {};
  }
  if (type.startsWith('application/json')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') {
        return Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === 'string')) as Record<
          string,
          string
        >;
      }
    } catch {
      return {};
    }
  }
  return {};
}

function parseMultipart(text: string, boundary: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const headers = part.slice(0, split);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined) continue;
    out[name] = part.slice(split + 4).replace(/\r\n$/, '');
  }
  return out;
}
