import { MODEL_ALIASES, PRICE_TABLE, PRICE_TABLE_VERSION, type ModelKind, type PriceRow, type Vendor } from "./price-table";
import type { Encoding } from "../tokenizer/count-tokens";

/** A price row in integer micro-dollars per 1M tokens, resolved for one model name. */
export interface ModelPrice {
  /** The canonical priced model (dated snapshots resolve to their family). */
  model: string;
  vendor: Vendor;
  kind: ModelKind;
  encoding: Encoding | null;
  maxOutputTokens: number;
  imageTokenBound: number;
  tableVersion: string;
  microsPerMillion: { input: number; cachedInput: number; cacheWrite: number; output: number; reasoning: number };
}

const DATED = /^(.*?)-(\d{4}-\d{2}-\d{2}|\d{8})$/;

/** The price of a model, or `null` when it has none (refused as `model_not_priced`). */
export function lookupPrice(model: string): ModelPrice | null {
  const canonical = canonicalModel(model);
  if (canonical === null) return null;
  const row = PRICE_TABLE[canonical];
  return row === undefined ? null : toMicros(canonical, row);
}

function canonicalModel(model: string): string | null {
  if (Object.hasOwn(PRICE_TABLE, model)) return model;
  const alias = MODEL_ALIASES[model];
  if (alias !== undefined) return alias;
  const dated = DATED.exec(model);
  if (dated?.[1] !== undefined) return canonicalModel(dated[1]);
  return null;
}

const micros = (usd: number): number => Math.round(usd * 1_000_000);

function toMicros(model: string, row: PriceRow): ModelPrice {
  const p = row.usdPerMillion;
  return {
    model,
    vendor: row.vendor,
    kind: row.kind,
    encoding: row.encoding,
    maxOutputTokens: row.maxOutputTokens,
    imageTokenBound: row.imageTokenBound,
    tableVersion: PRICE_TABLE_VERSION,
    microsPerMillion: {
      input: micros(p.input),
      cachedInput: micros(p.cachedInput),
      cacheWrite: micros(p.cacheWrite),
      output: micros(p.output),
      reasoning: micros(p.reasoning),
    },
  };
}

/** Every priced model name (canonical), for `GET /v1/models`. */
export function pricedModels(): string[] {
  return Object.keys(PRICE_TABLE);
}
