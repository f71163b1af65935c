import { flagsOf } from "./commands/exec.js";
import { COMMANDS, SPECIAL_COMMANDS } from "./commands/index.js";
import { usageError } from "./exit.js";

/** Word → next words, and command → flags, for the completion scripts. */
function tree(): { next: Map<string, Set<string>>; flags: Map<string, string[]> } {
  const next = new Map<string, Set<string>>();
  const flags = new Map<string, string[]>();
  for (const c of [...COMMANDS, ...SPECIAL_COMMANDS]) {
    c.words.forEach((w, i) => {
      const key = c.words.slice(0, i).join(" ");
      next.set(key, (next.get(key) ?? new Set()).add(w));
    });
  }
  for (const c of COMMANDS) flags.set(c.words.join(" "), ["--output", "--quiet", "--help", ...flagsOf(c).map((b) => `--${b.flag}`), ...(c.secretInputs ?? []).map((s) => `--${s.flag}`)]);
  return { next, flags };
}

export function completionScript(shell: string | undefined): string {
  const { next, flags } = tree();
  const cases = [...next].map(([k, v]) => `    "${k}") words="${[...v].join(" ")}";;`).concat([...flags].map(([k, v]) => `    "${k} -") words="${v.join(" ")}";;`));
  const body = `_iron_words() {
  local key="$1"
  case "$key" in
${cases.join("\n")}
    *) words="";;
  esac
  echo "$words"
}`;
  if (shell === "bash") {
    return `# iron bash completion: source <(iron completion bash)
${body}
_iron() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" key="" i
  for ((i=1; i<COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in -*) ;; *) if [[ -n "$(_iron_words "$key")" && " $(_iron_words "$key") " == *" \${COMP_WORDS[i]} "* ]]; then key="\${key:+$key }\${COMP_WORDS[i]}"; fi;; esac
  done
  if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$(_iron_words "$key -")" -- "$cur")); else COMPREPLY=($(compgen -W "$(_iron_words "$key")" -- "$cur")); fi
}
complete -F _iron iron
`;
  }
  if (shell === "zsh") {
    return `#compdef iron
# iron zsh completion: iron completion zsh > "\${fpath[1]}/_iron"
${body}
_iron() {
  local key="" w i
  for ((i=2; i<CURRENT; i++)); do
    w="\${words[i]}"
    [[ "$w" == -* ]] && continue
    [[ " $(_iron_words "$key") " == *" $w "* ]] && key="\${key:+$key }$w"
  done
  if [[ "\${words[CURRENT]}" == -* ]]; then compadd -- \${=$(_iron_words "$key -")}; else compadd -- \${=$(_iron_words "$key")}; fi
}
compdef _iron iron
`;
  }
  throw usageError(`completion: '${shell ?? ""}' is not bash or zsh`, "iron completion bash | iron completion zsh");
}
