/** A reminder's kind as a sender reads it: `fore_5` → "5 arbetsdagar före svarsdatum". */
export function paminnelsenamn(typ: string): string {
  const [slag, n] = typ.split('_');
  const dagar = (x: string) => (x === '1' ? '1 arbetsdag' : `${x} arbetsdagar`);
  if (typ === 'pa_dagen') return 'på svarsdagen';
  if (slag === 'fore') return `${dagar(n)} före svarsdatum`;
  if (slag === 'efter') return `${dagar(n)} efter svarsdatum`;
  if (slag === 'vecka') return 'veckovis efter svarsdatum, så länge svaret saknas';
  return typ;
}
