// A small closed-loop load generator: `concurrency` lanes over one keep-alive undici Agent per target,
// fixed request counts, per-request latency. `compare()` interleaves targets in rounds so that background
// load on a shared machine is spread evenly over the targets being compared.
import { Agent, request } from "undici";

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarize(values) {
  const sorted = values.filter((v) => v !== null).sort((a, b) => a - b);
  const mean = sorted.reduce((s, v) => s + v, 0) / (sorted.length || 1);
  return { n: sorted.length, mean, p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}

const CONTENT = /"content":"[^"]/; // first non-empty content delta of an OpenAI chat stream

/** One request; resolves to timings in ms (ttfb/ttft only for streams). Non-200 answers throw. */
async function once(dispatcher, { url, method = "POST", headers, body, stream }) {
  const t0 = performance.now();
  const res = await request(url, { method, headers, body, dispatcher });
  if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode} from ${url}: ${(await res.body.text()).slice(0, 200)}`);
  if (!stream) {
    await res.body.dump({ limit: Infinity });
    return { totalMs: performance.now() - t0 };
  }
  let ttfbMs = null;
  let ttftMs = null;
  let seen = "";
  for await (const chunk of res.body) {
    const now = performance.now() - t0;
    ttfbMs ??= now;
    if (ttftMs === null) {
      seen += chunk.toString("utf8");
      if (CONTENT.test(seen)) ttftMs = now;
    }
  }
  return { totalMs: performance.now() - t0, ttfbMs, ttftMs };
}

/** `count` requests with `concurrency` in flight; returns { samples, wallMs, errors }. */
export async function measure(dispatcher, spec, concurrency, count) {
  const samples = [];
  const errors = [];
  let issued = 0;
  const lane = async () => {
    while (issued < count) {
      issued++;
      try {
        samples.push(await once(dispatcher, spec));
      } catch (error) {
        errors.push(String(error?.message ?? error));
        if (errors.length > 20) throw new Error(`too many errors, last: ${errors.at(-1)}`);
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return { samples, wallMs: performance.now() - t0, errors };
}

/**
 * Measures each of `specs` ({ key, ...request spec }) at one concurrency: `warmup` unrecorded requests per
 * target, then `requests` recorded ones split into `rounds` rounds, targets interleaved (order rotated).
 * Returns one result per spec: { target, concurrency, ok, errors, rps, latency, ttfb?, ttft? }.
 */
export async function compare(specs, { concurrency, warmup, requests, rounds }) {
  const state = specs.map((spec) => ({ spec, dispatcher: new Agent({ connections: concurrency, keepAliveTimeout: 60_000 }), samples: [], wallMs: 0, errors: [] }));
  try {
    for (const s of state) await measure(s.dispatcher, s.spec, concurrency, warmup);
    const perRound = Math.ceil(requests / rounds);
    for (let r = 0; r < rounds; r++) {
      for (let i = 0; i < state.length; i++) {
        const s = state[(i + r) % state.length];
        const m = await measure(s.dispatcher, s.spec, concurrency, perRound);
        s.samples.push(...m.samples);
        s.wallMs += m.wallMs;
        s.errors.push(...m.errors);
      }
    }
    return state.map(({ spec, samples, wallMs, errors }) => ({
      target: spec.key,
      concurrency,
      ok: samples.length,
      errors: errors.length,
      ...(errors.length > 0 ? { firstError: errors[0] } : {}),
      wallMs,
      rps: (samples.length / wallMs) * 1000,
      latency: summarize(samples.map((x) => x.totalMs)),
      ...(spec.stream ? { ttfb: summarize(samples.map((x) => x.ttfbMs)), ttft: summarize(samples.map((x) => x.ttftMs)) } : {}),
    }));
  } finally {
    await Promise.all(state.map((s) => s.dispatcher.close()));
  }
}

/** A single request on a fresh connection (first-request / cold timings). */
export async function single(spec) {
  const dispatcher = new Agent({ connections: 1 });
  try {
    return await once(dispatcher, spec);
  } finally {
    await dispatcher.close();
  }
}
