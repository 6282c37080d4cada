/** The parts of an OpenAPI 3 document the fuzz test walks: operations, their parameters and body schemas. */
export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  $ref?: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  method: string;
  /** `/api/remisser/{id}/status` */
  path: string;
  parameters: Parameter[];
  body?: { kind: 'json' | 'multipart'; schema: Schema };
}

interface Document {
  paths: Record<
    string,
    Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>
  >;
  components: { schemas: Record<string, Schema> };
}

export function operations(doc: Document): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, op]) => {
      const content = op.requestBody?.content ?? {};
      const [type] = Object.keys(content);
      return {
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters ?? []).map((p) => ({ ...p, schema: resolve(doc, p.schema ?? {}) })),
        ...(type
          ? {
              body: {
                kind: type.startsWith('multipart/') ? ('multipart' as const) : ('json' as const),
                schema: resolve(doc, content[type].schema),
              },
            }
          : {}),
      };
    }),
  );
}

/** The schema with every `$ref` and `allOf` inlined (the DTOs hold no cycles). */
export function resolve(doc: Document, schema: Schema): Schema {
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
  const { allOf, ...own } = schema;
  const merged: Schema = allOf ? Object.assign({}, ...allOf.map((s) => resolve(doc, s)), own) : { ...own };
  if (merged.properties)
    merged.properties = Object.fromEntries(Object.entries(merged.properties).map(([k, s]) => [k, resolve(doc, s)]));
  if (merged.items) merged.items = resolve(doc, merged.items);
  return merged;
}
