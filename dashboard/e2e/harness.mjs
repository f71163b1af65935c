// End-to-end harness: a live Iron stack (scripts/live-stack.mjs: mock provider + wrangler dev), the built dashboard
// served by scripts/serve.mjs on its own origin (allowed by IRON_DASHBOARD_ORIGINS), and Debian's Chromium driven
// by playwright-core. Screenshots go to dashboard/test-results/screenshots/ (git-ignored).
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { freePort, startLiveStack } from "../../scripts/live-stack.mjs";
import { startDashboardServer } from "../scripts/serve.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
export const SHOTS = join(HERE, "..", "test-results", "screenshots");
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export async function startHarness() {
  const major = Number(process.versions.node.split(".")[0]);
  if (major < 22) throw new Error(`e2e: needs Node >= 22 for wrangler (this is ${process.version}); run it through npm (the repo's node_modules/.bin/node)`);
  mkdirSync(SHOTS, { recursive: true });
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // No admin from deploy-time secrets: the first admin is made through the dashboard's setup screen.
  const setupToken = randomBytes(32).toString("base64url");
  const stack = await startLiveStack({ vars: { IRON_DASHBOARD_ORIGINS: origin, IRON_ADMIN_EMAIL: "", IRON_ADMIN_PASSWORD: "", IRON_SETUP_TOKEN: setupToken } });
  let server;
  let context;
  const profile = mkdtempSync(join(tmpdir(), "iron-dash-chromium-"));
  try {
    server = await startDashboardServer({ port, api: stack.url });
    context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS, viewport: DESKTOP });
  } catch (error) {
    await server?.close();
    await stack.stop();
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(30_000);
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/Failed to load resource: the server responded with a status of (4\d\d)/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  return {
    stack,
    setupToken,
    dash: server.url,
    page,
    problems,
    /** What the page and the stack looked like when a step failed (also saved as a screenshot). */
    async dump(name) {
      const file = join(SHOTS, `FAILED-${name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60)}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      const text = await page.evaluate(() => document.body.innerText.slice(0, 600)).catch((e) => `(no page text: ${e.message})`);
      const health = await fetch(`${stack.url}/health`, { signal: AbortSignal.timeout(5000) }).then((r) => r.status, (e) => e.message);
      return `at ${page.url()} (stack /health: ${health}; screenshot ${file})\n--- page text ---\n${text}\n--- problems ---\n${problems.join("\n")}`;
    },
    async stop() {
      await context.close().catch(() => undefined);
      await server.close();
      await stack.stop();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens a dashboard path and waits until no loading indicator is left. */
export async function open(h, path) {
  await h.page.goto(h.dash + path);
  await settle(h.page);
}

export async function settle(page) {
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await page.waitForFunction(() => document.querySelectorAll(".loading").length === 0 && document.querySelector("#app")?.childElementCount > 0, null, { timeout: 20_000 });
}

export async function signIn(h, email, password) {
  await h.page.goto(`${h.dash}/login`);
  await h.page.getByLabel("Email").fill(email);
  await h.page.getByLabel("Password").fill(password);
  await h.page.getByRole("button", { name: "Sign in", exact: true }).click();
  await h.page.getByRole("heading", { name: "Overview", level: 1 }).waitFor();
  await settle(h.page);
}

export async function signOut(h) {
  await h.page.getByRole("button", { name: "Sign out" }).click();
  await h.page.getByRole("button", { name: "Sign in", exact: true }).waitFor();
}

/** Full-page screenshots at 1280×800 and at phone width. */
export async function shoot(h, name) {
  await settle(h.page);
  await h.page.screenshot({ path: join(SHOTS, `${name}-desktop.png`), fullPage: true });
  await h.page.setViewportSize(PHONE);
  await h.page.waitForTimeout(150);
  await h.page.screenshot({ path: join(SHOTS, `${name}-phone.png`), fullPage: true });
  await h.page.setViewportSize(DESKTOP);
  await h.page.waitForTimeout(100);
}

/**
 * Every visible, enabled control (button, input, select, textarea) that is not marked as read-only navigation or
 * filtering (`data-read`): for a viewer this list must be empty on every screen.
 */
export function enabledWriteControls(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("button, input, select, textarea")]
      .filter((el) => !el.disabled && el.closest("[data-read]") === null && el.getClientRects().length > 0)
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute("aria-label") || el.id || "").trim().slice(0, 40)}"`),
  );
}

/** Reloads until the element's text passes the check (spend arrives a moment after a call). */
export async function waitForText(h, path, selector, ok, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < until) {
    await open(h, path);
    last = (await h.page.locator(selector).first().textContent().catch(() => "")) ?? "";
    if (ok(last)) return last;
    await h.page.waitForTimeout(1500);
  }
  throw new Error(`${selector} on ${path} never passed the check; last text: "${last}"`);
}
