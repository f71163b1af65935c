import { beforeAll, describe, expect, it } from "vitest";
import { controlRegistry } from "../../src/control/api/registry";
import { auditRowsOf, controlFetch, makePerson, type ErrorJson, type Person } from "../helpers/control";

/*
 * Bad input on every route that takes a body, generated from the route table: each is refused with a clear
 * error in the control API's shape, changes nothing, and (on a mutation) leaves one `failed` audit record.
 */
const withBody = controlRegistry().routes().filter((route) => route.body !== undefined && route.role !== "public");
const samplePath = (path: string): string => path.replace(/:([A-Za-z_]+)/g, "nonexistent");

let admin: Person;
beforeAll(async () => {
  admin = await makePerson("admin");
});

describe.each(withBody.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))("%s", (_name, route) => {
  const send = (body: string, headers: Record<string, string> = {}): Promise<Response> =>
    controlFetch(route.method.toUpperCase(), samplePath(route.path), { token: admin.token, body, headers: { "content-type": "application/json", ...headers } });

  it("refuses malformed JSON with VALIDATION_ERROR naming the body", async () => {
    const res = await send('{"name": ');
    expect(res.status).toBe(400);
    const json = await res.json<ErrorJson>();
    expect(json.error.code).toBe("VALIDATION_ERROR");
    expect(json.error.fields?.body).toBe("The request body is not valid JSON.");
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
    expect((await auditRowsOf(res)).map((row) => row.outcome)).toEqual(route.audit === null ? [] : ["failed"]);
  });

  it("refuses a body of the wrong type, and unknown fields, reporting fields", async () => {
    const array = await send("[1,2,3]");
    expect(array.status).toBe(400);
    expect((await array.json<ErrorJson>()).error.fields).toBeDefined();
    const smuggled = await send(JSON.stringify({ owner_id: "usr_x", role: "admin", budget_micros: 1, zz_unknown: true }));
    expect(smuggled.status).toBe(400);
    const fields = (await smuggled.json<ErrorJson>()).error.fields ?? {};
    expect(fields.zz_unknown).toBe("Unknown field: not accepted here.");
  });

  it("refuses an oversize body (413) and a non-JSON content type (415)", async () => {
    const big = await send(JSON.stringify({ pad: "x".repeat(route.maxBodyBytes) }));
    expect([big.status, (await big.json<ErrorJson>()).error.code]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    const form = await send("name=x", { "content-type": "application/x-www-form-urlencoded" });
    expect([form.status, (await form.json<ErrorJson>()).error.code]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
  });
});

it("has routes with bodies to check", () => {
  expect(withBody.length).toBeGreaterThan(0);
});
