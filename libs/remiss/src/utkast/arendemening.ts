/**
 * Documents and mails put "Remiss: " before the ärendemening, so one that starts with "Remiss"
 * ("Remiss av förslag till …") reads "Remiss: Remiss av förslag till …". The sender is warned,
 * with the ärendemening as it would read without the word, and decides; it is not refused, since
 * a few titles rightly begin so ("Remisshantering i kommunen").
 */
export function arendemeningVarning(arendemening: string): string | undefined {
  const m = /^\s*remiss(?:en)?\b[\s:,–-]*(?:(?:av|om|angående|gällande|avseende)\s+)?(.*)$/i.exec(arendemening);
  if (!m) return undefined;
  const rest = m[1].trim();
  const forslag = rest ? ` Skriv till exempel ”${rest.charAt(0).toUpperCase()}${rest.slice(1)}”.` : '';
  return `Ärendemeningen börjar med ”Remiss”. I missivet och i e-posten blir det ”Remiss: ${arendemening.trim()}”.${forslag}`;
}
