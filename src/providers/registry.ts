import type { Vendor } from "../pricing/price-table";
import { anthropicAdapter } from "./anthropic/adapter";
import { openaiAdapter } from "./openai/adapter";
import type { ProviderAdapter } from "./types";

/** The adapter for a provider vendor. */
export function adapterFor(vendor: Vendor): ProviderAdapter {
  switch (vendor) {
    case "openai":
      return openaiAdapter;
    case "anthropic":
      return anthropicAdapter;
  }
}
