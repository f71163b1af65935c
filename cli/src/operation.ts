/** How a flag's text becomes a JSON value. `money` is sent as the decimal text typed (no float rounding). */
export type FieldKind = "string" | "number" | "boolean" | "money" | "list" | "json";

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
  readonly path: string;
  readonly summary: string;
  readonly role: string;
  readonly tags: readonly string[];
  readonly pathParams: readonly string[];
  readonly query: readonly Field[];
  readonly body: { readonly required: boolean; readonly fields: readonly Field[] } | null;
  readonly status: number;
  readonly response: string | null;
}
