import "server-only";
/**
 * Where `watch` sends its report: a webhook (one JSON message with `text`,
 * which Slack and Microsoft Teams incoming webhooks both take) or an SNS topic.
 */
import { publish } from "../../aws/sns";
import type { WatchReport } from "./watch";

function headline(r: WatchReport): string {
  const errors = r.findings.filter((f) => f.severity === "error").length;
  return r.findings.length === 0
    ? `mTLS watch: nothing expires or breaks in the next ${r.days} days (${r.domains} domain names).`
    : `mTLS watch: ${errors} errors, ${r.findings.length - errors} warnings in ${r.domains} domain names (next ${r.days} days).`;
}

export async function notifyWebhook(url: string, report: WatchReport, text: string): Promise<void> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text: `${headline(report)}\n\n${text}` }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`The webhook answered HTTP ${res.status}.`);
}

export async function publishToSns(
  topicArn: string,
  report: WatchReport,
  text: string,
): Promise<void> {
  await publish(topicArn, headline(report).slice(0, 99), text);
}
