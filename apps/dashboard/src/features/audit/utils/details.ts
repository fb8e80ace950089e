// An audit entry's details arrive as JSON text; the table shows them as short key: value
// pairs, and the raw text is kept for the tooltip.

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** `{"role":"ADMIN","ids":[1,2]}` → `role: ADMIN; ids: [1,2]`; other text unchanged. */
export function detailsText(details: string | null | undefined): string {
  if (details === null || details === undefined || details.trim() === '') return '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(details);
  } catch {
    return details;
  }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    return Object.entries(parsed)
      .map(([k, v]) => `${k}: ${valueText(v)}`)
      .join('; ');
  }
  return valueText(parsed);
}
