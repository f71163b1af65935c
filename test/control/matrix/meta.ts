import type { MatrixCases } from "./types";

export const cases: MatrixCases = {
  getOpenApiDocument: { access: "public", prepare: () => Promise.resolve({ path: "/openapi.json" }) },
};
