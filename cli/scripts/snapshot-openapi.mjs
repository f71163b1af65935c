#!/usr/bin/env node
// Kept so `node cli/scripts/snapshot-openapi.mjs [--check]` (the root npm scripts) still works: the snapshot and the
// generated client now live in client/ (see client/scripts/snapshot-openapi.mjs).
import "../../client/scripts/snapshot-openapi.mjs";
