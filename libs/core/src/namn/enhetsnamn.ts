/**
 * An enhet named so that a reader of another organisation knows whose it is: "Kommunstyrelsen i
 * Enköpings kommun" (every kommun has a kommunstyrelse). Without an enhet, the organisation alone.
 */
export function enhetMedOrganisation(enhet: string | null | undefined, organisation: string): string {
  return enhet ? `${enhet} i ${organisation}` : organisation;
}
