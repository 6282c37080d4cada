/**
 * A Swedish organisationsnummer, `NNNNNN-NNNN`: ten digits whose last is the Luhn control digit of the
 * nine before it (Skatteverket, SKV 709). Written with or without the hyphen; answered with it, or null.
 */
export function normaliseraOrganisationsnummer(angivet: string): string | null {
  const siffror = angivet.trim().replace(/^(\d{6})-?(\d{4})$/, '$1$2');
  if (!/^\d{10}$/.test(siffror)) return null;
  const summa = [...siffror].reduce((s, c, i) => {
    const d = Number(c) * (i % 2 === 0 ? 2 : 1);
    return s + (d > 9 ? d - 9 : d);
  }, 0);
  return summa % 10 === 0 ? `${siffror.slice(0, 6)}-${siffror.slice(6)}` : null;
}
