import { render } from "preact";
import { setApiBaseUrl } from "./api/api";
import { resolveApiUrl } from "./api/config";
import { App } from "./app";
import "./styles.css";

async function start(): Promise<void> {
  const url = await resolveApiUrl(window.location.search, async () => (await fetch("/config.json", { cache: "no-store" })).json());
  setApiBaseUrl(url);
  const root = document.getElementById("app");
  if (root !== null) render(<App />, root);
}

void start();
