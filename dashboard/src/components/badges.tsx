import type { RiskLevel } from "../api/types";

const RISK_TEXT: Readonly<Record<RiskLevel, string>> = {
  low: "Low (< 50%)",
  medium: "Medium (50–79%)",
  high: "High (80–94%)",
  critical: "Critical (95–99%)",
  exhausted: "Exhausted",
};

export function riskText(level: RiskLevel): string {
  return RISK_TEXT[level];
}

export function RiskBadge({ level }: { level: RiskLevel }) {
  return (
    <span class={`badge ${level}`} title={RISK_TEXT[level]}>
      {level}
    </span>
  );
}

/** A status word with its colour (active, suspended, pending, approved, denied, …). */
export function StatusBadge({ status }: { status: string }) {
  return <span class={`badge ${status}`}>{status}</span>;
}
