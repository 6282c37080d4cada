import { NyExportDto } from '@app/archive';
import { invalidField } from '@app/core';
import { ExportDatumFalt, ExportFormular } from './export.dto';

/** "2025-04-23" from the date input's day, month and year; blank is absent, anything else the service refuses by name. */
function datumAv(d: ExportDatumFalt | undefined): string | undefined {
  const [dag, manad, ar] = [d?.dag?.trim() ?? '', d?.manad?.trim() ?? '', d?.ar?.trim() ?? ''];
  if (!dag && !manad && !ar) return undefined;
  return `${ar}-${manad.padStart(2, '0')}-${dag.padStart(2, '0')}`;
}

/** The API's order from the form: the chosen kind of selection only. */
export function exportAv(form: ExportFormular): NyExportDto {
  if (form.urval === 'arende') {
    const diarienummer = form.diarienummer?.trim();
    if (!diarienummer)
      throw invalidField(
        'diarienummer',
        'diarienummer is required',
        'Skriv ärendets diarienummer, till exempel KS2025/118.',
      );
    return { diariumId: form.diariumId, diarienummer };
  }
  return { diariumId: form.diariumId, fran: datumAv(form.fran), till: datumAv(form.till) };
}
