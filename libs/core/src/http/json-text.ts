/**
 * A response body PostgreSQL built as JSON text, sent as it is: a list page is never parsed into
 * objects and serialised again in Node. `T` is the shape the text holds (and OpenAPI documents).
 * The handler returning it carries `@Header('Content-Type', JSON_CONTENT_TYPE)`.
 */
export type JsonText<T> = string & { readonly __shape?: T };

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
