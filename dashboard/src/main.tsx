import { render } from "preact";
import { setApiBaseUrl } from "./api/api";
import { proposedApi, resolveApiUrl } from "./api/config";
import { App } from "./app";
import "./styles.css";

async function start(): Promise<void> {
  const choice = await resolveApiUrl(window.location.search, async () => (await fetch("/config.json", { cache: "no-store" })).json());
  setApiBaseUrl(choice.url);
  proposedApi.set(choice.proposed);
  const root = document.getElementById("app");
  if (root !== null) render(<App />, root);
}

void start();
