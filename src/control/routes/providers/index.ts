import type { ControlRoute } from "../../openapi/route";
import { createProviderRoute } from "./create-provider";
import { deleteProviderRoute } from "./delete-provider";
import { getProviderRoute } from "./get-provider";
import { listProvidersRoute } from "./list-providers";
import { rotateProviderKeyRoute } from "./rotate-provider-key";
import { disableProviderRoute, enableProviderRoute } from "./set-provider-status";
import { updateProviderRoute } from "./update-provider";

/** The control API's providers routes: admins write, everyone signed in reads (keys are never readable). */
export const providersRoutes: readonly ControlRoute[] = [
  createProviderRoute,
  listProvidersRoute,
  getProviderRoute,
  updateProviderRoute,
  rotateProviderKeyRoute,
  disableProviderRoute,
  enableProviderRoute,
  deleteProviderRoute,
];
