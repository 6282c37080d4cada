/** The OpenAPI body of every PDF upload: the multipart field `fil`, and an optional title. */
export const PDF_UPLOAD_BODY = {
  schema: {
    type: 'object',
    required: ['fil'],
    properties: { fil: { type: 'string', format: 'binary' }, titel: { type: 'string' } },
  },
};

/** An external answer as PDF, optionally with the same answer as a Word file. */
export const SVAR_UPLOAD_BODY = {
  schema: {
    type: 'object',
    required: ['fil'],
    properties: {
      fil: { type: 'string', format: 'binary', description: 'The answer as PDF' },
      word: { type: 'string', format: 'binary', description: 'Optional: the same answer as .docx' },
    },
  },
};
