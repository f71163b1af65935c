/**
 * How a field's text becomes a JSON value (the CLI parses flags with it; forms can too).
 * `money` is USD as a decimal string or a number: send the text as typed, so no float rounding.
 */
export type FieldKind = "string" | "number" | "boolean" | "money" | "list" | "json";

/** One query parameter or top-level body field of an operation. */
export interface Field {
  readonly name: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  readonly nullable?: boolean;
  readonly enum?: readonly string[];
  readonly description?: string;
}

/** One control-API operation as generated from the OpenAPI document (src/generated/operations.ts). */
export interface Operation {
  readonly method: "get" | "post" | "put" | "patch" | "delete";
  /** The path under the API prefix, with `{name}` path parameters. */
  readonly path: string;
  readonly summary: string;
  /** The least role that may call it: `public`, `viewer`, `user` or `admin`. */
  readonly role: string;
  readonly tags: readonly string[];
  readonly pathParams: readonly string[];
  readonly query: readonly Field[];
  readonly body: { readonly required: boolean; readonly fields: readonly Field[] } | null;
  /** The success status (204: no body). */
  readonly status: number;
  /** The success body's component schema name, when it is one. */
  readonly response: string | null;
}
