import { cases as agents } from "./agents";
import { cases as analytics } from "./analytics";
import { cases as apiTokens } from "./api-tokens";
import { cases as audit } from "./audit";
import { cases as auth } from "./auth";
import { cases as budget } from "./budget";
import { cases as budgetRequests } from "./budget-requests";
import { cases as limits } from "./limits";
import { cases as meta } from "./meta";
import { cases as policies } from "./policies";
import { cases as projects } from "./projects";
import { cases as providers } from "./providers";
import { cases as requests } from "./requests";
import { cases as users } from "./users";
import type { MatrixCases } from "./types";

/** Every area's matrix cases, merged (an operation id in two areas is a bug the matrix test reports). */
export const areas: Readonly<Record<string, MatrixCases>> = { agents, analytics, apiTokens, audit, auth, budget, budgetRequests, limits, meta, policies, projects, providers, requests, users };
