import type { ControlRoute } from "../../openapi/route";
import { changePasswordRoute } from "./change-password";
import { loginRoute } from "./login";
import { logoutRoute } from "./logout";
import { meRoute } from "./me";
import { refreshRoute } from "./refresh";
import { setupRoute } from "./setup";
import { validateRoute } from "./validate";

/** The control API's auth routes. */
export const authRoutes: readonly ControlRoute[] = [loginRoute, refreshRoute, logoutRoute, validateRoute, meRoute, changePasswordRoute, setupRoute];
