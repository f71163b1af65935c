/// <reference types="vite/client" />
interface ImportMetaEnv {
  /** Build-time default API base URL (config.json or ?api= override it). */
  readonly VITE_IRON_API_URL?: string;
}
