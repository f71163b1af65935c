// Prints a new master key for `wrangler secret put IRON_MASTER_KEY` (base64url of 32 random bytes).
import { randomBytes } from "node:crypto";
console.log(randomBytes(32).toString("base64").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""));
