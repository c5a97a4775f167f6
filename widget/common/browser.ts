/**
 * Browser APIs that throw inside Zoho's sandboxed iframe (storage without allow-same-origin,
 * clipboard without the permission), wrapped once so a panel never crashes on them (STYLE 14).
 */
export function readStored(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string): boolean {
  try {
    globalThis.localStorage?.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** Copy text: the async Clipboard API, else a hidden textarea + execCommand; false when both fail. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (globalThis.navigator?.clipboard?.writeText) {
      await globalThis.navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // permission denied in the iframe: fall through to the legacy path
  }
  try {
    const doc = globalThis.document;
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    doc.body.appendChild(area);
    area.select();
    const ok = doc.execCommand?.('copy') ?? false;
    area.remove();
    return ok;
  } catch {
    return false;
  }
}

/**
 * Offer text as a file download (a Blob link clicked in script). Returns false when the browser
 * refuses; inside a sandboxed CRM frame without `allow-downloads` the browser may also drop the
 * download silently, so callers offer a copy as well.
 */
export function downloadText(filename: string, text: string, mime = 'text/plain'): boolean {
  try {
    const doc = globalThis.document;
    const url = globalThis.URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
    const a = doc.createElement('a');
    a.href = url;
    a.download = filename;
    a.rel = 'noopener';
    a.style.display = 'none';
    doc.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => globalThis.URL.revokeObjectURL(url), 10_000);
    return true;
  } catch {
    return false;
  }
}
