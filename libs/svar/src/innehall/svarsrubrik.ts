/**
 * The heading of a nämnd's answer, "Svar på remiss om …", from the remiss' ärendemening, reading
 * right whatever that begins with: "Remiss av X" → "Svar på remiss av X", "Remiss: X" → "Svar på
 * remiss om x", "Förslag till X" → "Svar på remiss om förslag till X". The first letter is lowered
 * unless the word is an abbreviation (EU:s, KS, IT-strategi).
 */
export function svarsrubrik(arendemening: string): string {
  const text = arendemening.trim();
  const remiss = /^remiss(?:\s+(av|om|gällande|angående)\b|\s*[:–-])\s*/i.exec(text);
  if (remiss) {
    const rest = text.slice(remiss[0].length);
    const preposition = remiss[1]?.toLowerCase() === 'av' ? 'av' : 'om';
    return `Svar på remiss ${preposition} ${gemen(rest)}`;
  }
  return `Svar på remiss om ${gemen(text)}`;
}

/** The first letter lowered, unless the first word is an abbreviation (its second letter is a capital too). */
function gemen(text: string): string {
  const [forsta, andra] = [...text];
  if (!forsta || (andra && andra !== andra.toLowerCase())) return text;
  return `${forsta.toLowerCase()}${text.slice(forsta.length)}`;
}
