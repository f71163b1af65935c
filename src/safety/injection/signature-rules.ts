/**
 * High-precision signatures for known prompt-injection / jailbreak families. Each rule must need the *attack shape*
 * (an override verb aimed at the model's own instructions, a named jailbreak persona, a request for the hidden prompt,
 * chat-template control tokens), not a trigger word: "ignore this warning", "jailbreak an iPhone", "INSTRUCTIONS for a
 * cake" and "pretend to be a tour guide" are ordinary requests, and the statistical classifier covers the fuzzy rest.
 *
 * Regex hygiene: no nested unbounded quantifiers; filler words are `(?:[^\s]+\s+){0,N}` (disjoint classes, bounded), so
 * matching stays linear-ish on adversarial input.
 */

import { MORE_RULES } from "./signature-rules-more";

export type InjectionFamily =
  | "instruction_override"
  | "roleplay_jailbreak"
  | "system_prompt_extraction"
  | "markup_injection"
  | "encoded_payload";

export interface Rule {
  readonly label: InjectionFamily;
  /**
   * Lower-case literals (≥ 2 characters), one of which EVERY match contains: the rule's regex runs only around their
   * occurrences (`signature-scan.ts`). A match reaches at most 320 characters before or after that literal.
   */
  readonly gate: readonly string[];
  readonly re: RegExp;
  readonly confidence: number;
  /** Lower-case literals one of which every match ALSO contains: the rule runs only when one occurs in the text. */
  readonly also?: readonly string[];
  /** The match begins at a line start (`(?:^|\n)`): its region starts at the newline before the gate literal. */
  readonly lineStart?: boolean;
}

const W = String.raw`(?:[^\s]+\s+)`; // one filler word
const OVERRIDE_VERB = String.raw`(?:ignore|disregard|forget|override|bypass|discard|abandon|drop|skip)`;
// The qualifier is what separates "ignore the previous instructions" from "ignore the instructions on the label".
const PRIOR = String.raw`(?:previous|prior|preceding|above|earlier|foregoing|former|original|initial|old|all|any|your|system|developer|everything)`;
const DIRECTIVES = String.raw`(?:instructions?|prompts?|directives?|rules|guidelines|guidance|commands?|context|programming|restrictions|constraints|guardrails|policies|safeguards|training|conversation)`;

const BASE_RULES: readonly Rule[] = [
  // --- instruction override ------------------------------------------------------------------------------------
  {
    label: "instruction_override",
    gate: ["ignor", "disregard", "forget", "override", "bypass", "discard", "abandon", "drop", "skip"],
    also: ["instruction", "prompt", "directive", "rules", "guideline", "guidance", "command", "context", "programming", "restriction", "constraint", "guardrail", "policies", "safeguard", "training", "conversation"],
    re: new RegExp(String.raw`\b${OVERRIDE_VERB}\s+${W}{0,3}?${PRIOR}\b\s*${W}{0,3}?${DIRECTIVES}\b`, "giu"),
    confidence: 0.9,
  },
  {
    label: "instruction_override",
    gate: ["ignor", "disregard", "forget"],
    also: ["told", "said", "instructed"],
    re: /\b(?:ignore|disregard|forget)\s+(?:everything|all(?: of)? that|what)\s+(?:you(?:'ve| have)? (?:been|were) (?:told|instructed)|(?:i|we)(?:'ve| have)? (?:said|told you|instructed you) (?:before|above|earlier|previously))/giu,
    confidence: 0.85,
  },
  {
    label: "instruction_override",
    gate: ["follow", "obey"],
    also: ["previous", "prior", "above", "original", "system"],
    re: /\b(?:do not|don't|stop) (?:follow(?:ing)?|obey(?:ing)?) (?:your|the|any) (?:previous|prior|above|original|system) (?:instructions|rules|prompt)\b/giu,
    confidence: 0.9,
  },
  {
    label: "instruction_override",
    gate: ["new instruction", "new system instruction", "updated instruction", "updated system instruction", "revised instruction", "revised system instruction"],
    re: /\b(?:new|updated|revised) (?:system )?instructions?\s*:\s*(?:you|ignore|from now|disregard|forget)/giu,
    confidence: 0.8,
  },
  // Cheap multilingual variants of "ignore the previous instructions".
  {
    label: "instruction_override",
    gate: ["ignor", "oubli", "olvid", "esque", "vergiss", "vergessen"],
    re: /\b(?:ignora|ignore[rz]?|ignoriere[n]?|ignorieren sie|oubliez|oublie|olvida|esquece|esqueça|vergiss|vergessen sie)\s+(?:\S+\s+){0,3}?(?:instrucciones|instructions|istruzioni|instruções|anweisungen|anleitungen|befehle|indicaciones|consignes)\s+(?:anteriores|précédentes|precedenti|previas|vorherigen|bisherigen|anteriori)\b|\b(?:ignoriere|ignorieren sie|vergiss|vergessen sie)\s+(?:alle\s+|die\s+)?(?:vorherigen|bisherigen|vorangegangenen|obigen|früheren)\s+(?:anweisungen|instruktionen|befehle|regeln)\b/giu,
    confidence: 0.9,
  },
  {
    label: "instruction_override",
    gate: ["игнор", "забуд", "忽略", "忽视", "无视", "無視", "忘记", "忘記", "指示", "지시", "önceki"],
    re: /(?:игнорируй(?:те)?|игнорировать|проигнорируй(?:те)?|забудь(?:те)?)\s+(?:\S+\s+){0,2}?(?:предыдущие|прежние|все)\s+(?:\S+\s+){0,1}?инструкци|(?:忽略|无视|忽视|忘记|無視|忘記)(?:之前|以前|先前|上面|上述|前面|所有)(?:的|所有的)?(?:所有)?(?:指令|指示|说明|說明|提示)|前の指示を(?:無視|忘れ)|이전 지시(?:를|사항을)? (?:무시|잊)|önceki\S*\s+tal\S*mat\S*\s+(?:yok say|unut|görmezden)/giu,
    confidence: 0.9,
  },

  // Override verb + "instructions" word, both required, within a few words, for languages whose word order differs
  // (Hindi/Bengali put the verb last; Arabic/Greek/Italian/Portuguese/Turkish): translations of "ignore / forget the
  // previous instructions / everything above".
  {
    label: "instruction_override",
    gate: ["निर्देश", "উপেক্ষা", "تجاهل", "تغاضى", "αγνοήστε", "ignora", "ignore", "esqueça", "yok say", "oubliez"],
    re: /(?:पिछले|पहले|ऊपर)\s+(?:के\s+|दिए\s+गए\s+|सभी\s+)?निर्देशों\s+(?:को\s+)?(?:अनदेखा|नज़रअंदाज़|नजरअंदाज|भूल)|উপরের\s+(?:\S+\s+){0,2}?উপেক্ষা|(?:تجاهل|تغاضى\s+عن)\s+(?:\S+\s+){0,3}?(?:التعليمات|تعليمات|الأوامر|ما\s+سبق|كل\s+ما)|αγνοήστε\s+(?:\S+\s+){0,2}?(?:προηγούμενες|όλες)\s+(?:\S+\s+)?οδηγίες|\bignora\s+(?:quanto\s+sopra|tutto\s+(?:quanto\s+)?(?:sopra|detto)|(?:le\s+|todas\s+(?:as\s+|las\s+)?)?(?:istruzioni|instruções|instrucciones)\s+(?:precedenti|anteriores))|\besqueça\s+(?:\S+\s+){0,3}?instruções|önceki\s+(?:\S+\s+)?tal[iİı]matlar[ıi]\s+yok\s+say|\boubliez\s+tout\s+ce\s+que\s+vous\s+avez\s+(?:\S+\s+){0,2}?(?:instructions|consignes)/giu,
    confidence: 0.85,
  },

  // --- role-play jailbreaks --------------------------------------------------------------------------------------
  {
    label: "roleplay_jailbreak",
    gate: ["do anything now"],
    re: /\bDAN\b[^.\n]{0,40}\bdo anything now\b|\bdo anything now\b[^.\n]{0,40}\bDAN\b/giu,
    confidence: 0.95,
  },
  {
    label: "roleplay_jailbreak",
    gate: ["developer mode", "dev mode", "god mode", "jailbreak mode", "unrestricted mode", "dude mode"],
    // Not "enable developer mode" / "developer mode enabled" alone: that is how phones and browsers are set up.
    re: /\b(?:developer mode|dev mode|god mode|jailbreak mode|unrestricted mode|dude mode)\s+(?:output|response)\b|\b(?:jailbreak|unrestricted|dude) mode\s+(?:enabled|activated|on)\b|\b(?:enable|activate|enter) jailbreak mode\b|\b(?:act as|simulate|pretend to be) .{0,40} with (?:developer|dev|god|jailbreak) mode\b|\b(?:chatgpt|gpt-?\d?|ai|assistant|model|llm) with (?:developer|dev|god|jailbreak|dude) mode\b|\bfrom now on,?\s+(?:\S+\s+){0,3}?(?:developer|dev|god|jailbreak|dude) mode\b/giu,
    confidence: 0.9,
  },
  {
    label: "roleplay_jailbreak",
    gate: ["restriction", "filter", "guideline", "limit", "rule", "boundar", "censor"],
    also: ["you are", "you're", "act as", "pretend", "roleplay as", "role-play as"],
    re: /\b(?:you are|you're|act as|pretend (?:to be|you are)|roleplay as|role-play as)\s+(?:now\s+)?(?:an?\s+)?(?:\S+\s+){0,6}?(?:(?:ai|model|chatbot|assistant|persona|character)\s+)?(?:with(?:out)?|that has|which has|who has)\s+(?:no|any)\s+(?:ethical|moral|content|safety)?\s*(?:restrictions|filters|guidelines|limits|limitations|rules|boundaries|censorship)\b/giu,
    confidence: 0.85,
  },
  {
    label: "roleplay_jailbreak",
    gate: ["broken free", "freed from", "break free", "released from", "escaped"],
    re: /\b(?:broken free|freed from|break free of|released from|escaped) (?:of )?(?:the )?(?:typical )?(?:confines|restrictions|limitations|rules|shackles) (?:of|imposed|set)\b/giu,
    confidence: 0.85,
  },
  {
    label: "roleplay_jailbreak",
    gate: ["guideline", "polic", "restriction", "principle", "filter"],
    also: ["ethical", "moral", "openai", "content"],
    re: /\b(?:does not|doesn't|do not|don't|will never|never) (?:have|has|follow|adhere to|abide by|care about) (?:any )?(?:ethical|moral|openai'?s?|content) (?:or moral )?(?:guidelines|policies|policy|restrictions|principles|filters)\b/giu,
    confidence: 0.85,
  },
  {
    label: "roleplay_jailbreak",
    gate: ["stay in character", "jailbroken", "anti-dan", "antidan", "[🔓jailbreak]", "[🔒classic]", "unfiltered and amoral", "intelligent and machiavellian"],
    re: /\b(?:stay in character|jailbroken|anti-?dan|\[🔓jailbreak\]|\[🔒classic\]|unfiltered and amoral|always intelligent and machiavellian)\b/giu,
    confidence: 0.85,
  },

  // --- system-prompt extraction ----------------------------------------------------------------------------------
  {
    label: "system_prompt_extraction",
    gate: ["prompt", "instruction", "message", "configuration", "directive"],
    also: ["system", "initial", "original", "hidden", "secret", "pre", "internal", "developer", "base"],
    re: /\b(?:repeat|print|reveal|show|display|output|tell|give|share|leak|dump|recite|write out|spell out|list|disclose|see|view|access|what (?:is|are|were))\s+(?:me\s+)?(?:all\s+)?(?:of\s+)?(?:your|the|those)\s+(?:full\s+|entire\s+|exact\s+|complete\s+|verbatim\s+|original\s+|initial\s+|hidden\s+|secret\s+|internal\s+|current\s+)*(?:system|initial|original|hidden|secret|pre-?|internal|developer|base)\s*(?:prompt|instructions|message|configuration|directives)\b/giu,
    confidence: 0.9,
  },
  {
    label: "system_prompt_extraction",
    gate: ["above", "before this", "what were", "starting with"],
    re: /\b(?:repeat|print|output|copy|recite)\s+(?:all\s+|everything\s+|the\s+)?(?:words|text|everything|content|instructions)\s+(?:\S+\s+){0,2}?(?:above|before this)\b|\bwhat were (?:those|your|the previous) instructions\b|\bstarting with ["']?you are\b/giu,
    confidence: 0.85,
  },

  // --- secret / password extraction -------------------------------------------------------------------------------
  // A request aimed at the assistant's OWN secret ("what is your secret key", "confirm the password"): the secret
  // noun must be owned by the model ("your"/"the") and follow a request verb or a "what is" question. A user asking
  // how to reset or store a password ("how do I change my password") has neither shape.
  {
    label: "system_prompt_extraction",
    gate: ["secret", "password", "passcode", "passphrase"],
    re: /\bwhat(?:'s| is| was) (?:your|the|our) (?:system |master )?(?:secret(?: key| code| word| phrase| password)?|password|passcode|passphrase)\b|\b(?:tell me|reveal|disclose|give me|share|confirm|provide|print|show me|say|spell(?: out)?|output|leak|type out|write out)\b[^.?!\n]{0,30}?\b(?:your|the)\s+(?:secret(?:\s+(?:key|code|word|phrase|password))?|password|passcode|passphrase)\b/giu,
    confidence: 0.8,
  },
  // The same question in the other languages the dev set covers: "your" + "secret key / password" + "what is".
  {
    label: "system_prompt_extraction",
    gate: ["clave", "contraseña", "mot de passe", "clé", "passwort", "schlüssel", "chiave", "password", "senha", "chave", "пароль", "ключ", "密码", "密钥", "パスワード", "秘密", "비밀", "şifre", "anahtar", "مفتاح", "كلمة", "कुंजी", "पासवर्ड", "গোপন", "পাসওয়ার্ড", "mật khẩu", "khóa", "kunci", "susi", "sandi"],
    re: /\b(?:cuál|cual) es (?:tu|su|la) (?:clave secreta|contraseña)|\bquel(?:le)? est (?:votre|ton|ta) (?:clé secrète|mot de passe)|\bwas ist (?:dein|ihr) (?:geheimer schlüssel|passwort|geheimes passwort)|\bqual è (?:la tua|la sua) (?:chiave segreta|password)|\bqual (?:é|e) (?:a sua|a tua|o seu|o teu) (?:chave secreta|senha)|\b(?:какой|каков) (?:у (?:тебя|вас) |ваш |твой )?(?:секретный ключ|пароль)|(?:你|您)的(?:密码|密钥|秘密密钥)是什么|(?:あなたの|^|[\s。！？、])(?:パスワード|秘密鍵|秘密のキー)は(?:何|なん)|(?:당신의 )?(?:비밀 ?키|비밀번호)(?:는|가) (?:무엇|뭐)|(?:gizli anahtarınız|şifreniz) ne(?:dir)?|ما (?:هو|هي) (?:مفتاحك السري|كلمة (?:المرور|السر) الخاصة بك)|(?:आपकी|तुम्हारी) गुप्त कुंजी क्या|(?:आपका|तुम्हारा) पासवर्ड क्या|আপনার (?:গোপন কী|পাসওয়ার্ড) কী|(?:khóa bí mật|mật khẩu) của bạn là gì|\bapa (?:kunci rahasia|kata sandi) (?:anda|kamu)|\bano ang (?:iyong )?(?:sikretong susi|lihim na susi|password)/giu,
    confidence: 0.8,
  },

  {
    label: "system_prompt_extraction",
    gate: ["your initial", "your original", "your first", "your starting", "your hidden", "your exact", "told before", "you were given", "system prompt", "me your"],
    re: /\b(?:what (?:are|were) your (?:initial|original|first|starting|hidden|exact) (?:instructions|prompt)|what were you told before|(?:repeat|recite|print|output) (?:the |all )?(?:instructions|everything) (?:you were given|in (?:the|your) system prompt)|(?:show|tell|give) me your (?:system )?prompt)\b/giu,
    confidence: 0.85,
  },

  // --- chat-template / tool markup injection ---------------------------------------------------------------------
  {
    label: "markup_injection",
    gate: ["<|", "inst]", "<<", "</", "<s", "<t", "<f"],
    re: /<\|(?:im_start|im_end|system|user|assistant|endoftext|start_header_id|end_header_id|eot_id|begin_of_text)\|>|\[\/?INST\]|<<\/?SYS>>|<\/?(?:tool_result|function_results|tool_output|system_prompt|system)>/giu,
    confidence: 0.9,
  },
  {
    // A forged role turn inside user/tool text: a new line that starts with a role name and then talks to the model.
    label: "markup_injection",
    gate: ["system", "assistant"],
    also: ["you are now", "ignore", "new instructions", "from now on", "disregard", "forget"],
    lineStart: true,
    re: /(?:^|\n)[ \t]*(?:#{1,3}[ \t]*)?(?:system|assistant)[ \t]*(?:message|prompt)?[ \t]*:[ \t]*(?:you are now|ignore|new instructions|from now on|disregard|forget)/giu,
    confidence: 0.85,
  },
];

export const RULES: readonly Rule[] = [...BASE_RULES, ...MORE_RULES];
