/** The OpenAPI body of every PDF upload: the multipart field `fil`, and an optional title. */
export const PDF_UPLOAD_BODY = {
  schema: {
    type: 'object',
    required: ['fil'],
    properties: { fil: { type: 'string', format: 'binary' }, titel: { type: 'string' } },
  },
};
