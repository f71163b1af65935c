import { OPERATIONS, type OperationId } from "../../../client/src/index";
import type { Me } from "../api/types";
import { me } from "../state/me";
import { useStore } from "../state/store";
import { gateFor, type Gate, type OpMeta } from "./roles";

export function opMeta(op: OperationId): OpMeta {
  const { method, role } = OPERATIONS[op];
  return { method, role: role };
}

export function gateOf(who: Me | null): Gate {
  return gateFor(who?.effective_role ?? null, who?.id ?? null, opMeta);
}

/** The signed-in person and the check for what they may change on this screen. */
export function useGate(): { me: Me | null; can: Gate; readOnly: boolean } {
  const who = useStore(me);
  return { me: who, can: gateOf(who), readOnly: who === null || who.effective_role === "viewer" };
}
