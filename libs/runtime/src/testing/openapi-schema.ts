/** The part of a JSON schema of the OpenAPI document that answers are compared with. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
}

export interface OpenApiDokument {
  paths: Record<
    string,
    Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>
  >;
  components?: { schemas?: Record<string, Schema> };
}

/**
 * Where a real JSON answer of `METHOD path` departs from the document's schema for `status`:
 * fields it does not declare, declared required ones missing, at any depth.
 */
export function schemaDepartures(
  doc: OpenApiDokument,
  value: unknown,
  method: string,
  path: string,
  status = '200',
): string[] {
  const resolve = (schema: Schema | undefined): Schema | undefined =>
    schema?.$ref ? doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')] : schema;
  const departures = (v: unknown, schema: Schema | undefined, at: string): string[] => {
    const s = resolve(schema);
    if (!s || v === null || v === undefined) return [];
    if (s.allOf)
      return departures(v, { properties: Object.assign({}, ...s.allOf.map((p) => resolve(p)?.properties)) }, at);
    if (Array.isArray(v)) return v.flatMap((e, i) => departures(e, s.items, `${at}[${i}]`));
    if (typeof v !== 'object' || !s.properties) return [];
    const body = v as Record<string, unknown>;
    return [
      ...Object.keys(body)
        .filter((k) => !(k in s.properties!))
        .map((k) => `${at}.${k} is not in the schema`),
      ...(s.required ?? []).filter((k) => !(k in body)).map((k) => `${at}.${k} is missing`),
      ...Object.entries(body).flatMap(([k, e]) => departures(e, s.properties![k], `${at}.${k}`)),
    ];
  };
  const schema = doc.paths[path]?.[method.toLowerCase()]?.responses?.[status]?.content?.['application/json']?.schema;
  if (!schema) return [`${method} ${path} has no JSON schema for ${status}`];
  return departures(value, schema, `${method} ${path}`);
}
