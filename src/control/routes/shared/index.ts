/** Building blocks shared by the control API's resource routes. */
export { auditBy, clientIp, drizzleStatement, type AuditBy } from "./audit-context";
export { budgetChangeStatement, type BudgetChange } from "./budget-change";
export { decodeCursor, encodeCursor, pageOf, type CursorKey } from "./cursor";
export { usdAmount, usdText } from "./money";
export { canRead, canWrite, ownerFilter } from "./ownership";
