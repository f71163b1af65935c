import type { ControlRoute } from "../../openapi/route";
import { activateUserRoute } from "./activate-user";
import { changeRoleRoute } from "./change-role";
import { createUserRoute } from "./create-user";
import { deleteUserRoute } from "./delete-user";
import { getUserRoute } from "./get-user";
import { listUsersRoute } from "./list-users";
import { resetPasswordRoute } from "./reset-password";
import { suspendUserRoute } from "./suspend-user";
import { updateUserRoute } from "./update-user";

/** The control API's users routes (admins only). */
export const usersRoutes: readonly ControlRoute[] = [
  createUserRoute,
  listUsersRoute,
  getUserRoute,
  updateUserRoute,
  suspendUserRoute,
  activateUserRoute,
  deleteUserRoute,
  changeRoleRoute,
  resetPasswordRoute,
];
