/*
 * Shared wording of the budget protocol's OpenAPI descriptions. These routes are `public` to the control API's
 * authenticator (which knows only people and API tokens): each one checks the agent or lease token it is given.
 */

/** How the lease operations (refresh, report, return, view) find their lease. */
export const LEASE_AUTH =
  "Authenticates with the lease token itself (icl_…), not with a control-API login: `lease_token` in the body, else the " +
  "`x-iron-lease` header, else `Authorization: Bearer` or `x-api-key`. A session or API token is ignored here.";

/** Why the changing operations write no audit-log record. */
export const LEASE_AUDIT =
  "Not in the audit log: this is a high-frequency, agent-facing protocol call, and every lease event (open, refresh, " +
  "report, return, expiry) is recorded in `budget_events` by the agent's budget object, exactly once.";
