// (b) The floor: a bare pass-through Worker. Forwards the request unchanged to the mock provider with a
// fixed provider key and streams the answer back. No auth, no parsing, no budget, no audit.
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const headers = new Headers(request.headers);
    headers.set("authorization", `Bearer ${env.UPSTREAM_KEY}`);
    headers.delete("host");
    return fetch(`${env.UPSTREAM_URL}${url.pathname}${url.search}`, {
      method: request.method,
      headers,
      body: request.body,
      redirect: "manual",
    });
  },
};
