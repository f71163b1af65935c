import { describe, expect, it } from "vitest";
import { BASE62, randomFrom, scanSecrets } from "./test-helpers";

const pw = randomFrom(BASE62, 16, 91);
const found = (text: string): string[] =>
  scanSecrets(text).filter((f) => f.detector === "url_credentials").map((f) => text.slice(f.start, f.end));

describe("url_credentials: curl and Authorization headers", () => {
  it.each([
    [`curl -u elastic:${pw} https://localhost:9200`, pw],
    [`curl -s --user "j.smith:${pw}" "https://api.example.org/me"`, pw],
    [`curl --user kevin:'${pw}' -X PATCH`, pw],
    [`curl --user "{${pw.slice(0, 8)}}":"{${pw}}" --header "Accept: application/json"`, `{${pw}}`],
    [`curl -u "${pw}:" https://localhost:9200`, pw], // an API key passed as the user name
    [`curl -H 'Authorization: Api-Token ${pw}' https://api.example.org`, pw],
    [`curl --header 'Authorization:  ${pw}'`, pw], // no scheme word
    [`postgres://app:${pw}@db.internal:5432/app`, pw],
  ])("finds the credential in %s", (text, secret) => {
    expect(found(text)).toContain(secret);
  });

  it.each([
    "curl -i -u 'test:test'",
    'curl -sL --user "$1:$2" "$3"',
    "curl -u <user:password> https://test.com/endpoint",
    "curl --user neo4j:[PASSWORD] http://[IP]:7474/db/data/",
    'curl -u "myusername" http://localhost:15130/api/check_user/',
    'curl -XGET -i -u "${{ env.ELK_ID }}:${{ build.env.ELK_PASS }}"',
    'curl -X POST --user "$(cat ./login.txt):$(cat ./password.txt)"',
    'curl -H "Authorization: Bearer XXXXXXXXXXXX" https://example.com',
    'curl -H "Authorization: Bearer <Openverse API token>"',
    'curl -H "Authorization: Bearer $API_KEY" http://localhost:8000',
    'authorization: "Bearer sk-bench-direct"',
  ])("does not flag %s", (text) => {
    expect(found(text)).toEqual([]);
  });
});
