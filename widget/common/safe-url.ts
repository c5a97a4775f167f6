/**
 * CRM text is untrusted (reliability-and-budget §2.5). Preact has no guard against `javascript:`
 * URLs, so every URL from CRM data goes through here: http/https only, else null (render as text).
 */
export function safeHttpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  // Zoho's Website field is often written without a scheme ("www.example.co.jp").
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}
