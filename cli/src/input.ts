import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { usageError } from "./exit.js";
import type { Field } from "./api.js";

let stdinCache: string[] | null = null;

/** The next line of stdin (several `--*-stdin` flags read successive lines); the whole input for `--body -`. */
export function stdinLine(): string {
  stdinCache ??= readFileSync(0, "utf8").split(/\r?\n/);
  const line = stdinCache.shift();
  if (line === undefined || line === "") throw usageError("expected a value on stdin");
  return line;
}

export function stdinAll(): string {
  return readFileSync(0, "utf8");
}

/** The terminal a prompt reads from and writes to (stdin/stderr, or a test's stand-ins). */
export interface PromptIO {
  readonly input: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly output: NodeJS.WritableStream;
}

/**
 * A no-echo prompt on the terminal, for passwords and keys: readline puts the terminal in raw mode (so the terminal
 * does not echo) and its own echo of each key goes to a muted stream; only the question and a newline are shown.
 */
export async function promptHidden(question: string, io: PromptIO = { input: process.stdin, output: process.stderr }): Promise<string> {
  if (io.input.isTTY !== true) throw usageError(`${question.replace(/:\s*$/, "")}: no terminal to prompt on`, "pipe it in with the --…-stdin flag");
  const muted = new Writable({
    write(_chunk: Buffer, _enc, done) {
      done();
    },
  });
  const rl = createInterface({ input: io.input, output: muted, terminal: true });
  io.output.write(question);
  try {
    return await new Promise<string>((resolve) => {
      rl.question("", resolve);
    });
  } finally {
    rl.close();
    io.output.write("\n");
  }
}

export async function promptLine(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw usageError(`${question.replace(/:\s*$/, "")}: no terminal to prompt on`);
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await new Promise<string>((resolve) => {
      rl.question(question, resolve);
    });
  } finally {
    rl.close();
  }
}

/** A flag's text as the JSON value its field takes. */
export function convert(field: Field, flag: string, text: string): unknown {
  if (field.nullable && (text === "null" || text === "none")) return null;
  switch (field.kind) {
    case "boolean":
      return text === "true";
    case "number": {
      const n = Number(text);
      if (text.trim() === "" || !Number.isFinite(n)) throw usageError(`--${flag}: '${text}' is not a number`);
      return n;
    }
    case "money":
      if (!/^\d{1,12}(?:\.\d{1,6})?$/.test(text)) throw usageError(`--${flag}: '${text}' is not an amount in USD (e.g. 25 or 12.50)`);
      return text;
    case "list":
      return text === "" ? [] : text.split(",").map((s) => s.trim()).filter((s) => s !== "");
    case "json":
      return parseJson(flag, text.startsWith("@") ? readFileSync(text.slice(1), "utf8") : text);
    case "string":
      if (field.enum && !field.enum.includes(text)) throw usageError(`--${flag}: '${text}' is not one of ${field.enum.join(", ")}`);
      return text;
  }
}

export function parseJson(flag: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw usageError(`--${flag}: not valid JSON`);
  }
}

export const kebab = (name: string): string => name.replace(/_/g, "-");
