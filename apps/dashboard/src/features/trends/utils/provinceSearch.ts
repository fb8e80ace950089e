import type { Region } from '@cw/domain';

/** Matches a region by Chinese name (full or short), English name (any case) or code prefix. */
export function regionMatches(region: Region, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return (
    region.nameZh.includes(q) ||
    region.shortZh.includes(q) ||
    region.nameEn.toLowerCase().includes(q) ||
    region.code.startsWith(q)
  );
}
