import "server-only";
/**
 * SNS: one message to a topic (the watch's report).
 */
import { PublishCommand } from "@aws-sdk/client-sns";
import { getClients } from "./config";
import { awsCall } from "./errors";

export async function publish(
  topicArn: string,
  subject: string,
  message: string,
): Promise<{ messageId?: string }> {
  const region = /^arn:aws[\w-]*:sns:([a-z0-9-]+):\d{12}:[\w-]{1,256}$/.exec(topicArn)?.[1];
  if (!region) throw new Error(`Not an SNS topic ARN: ${topicArn}`);
  const { sns } = await getClients(region);
  const res = await awsCall("publish to the SNS topic", () =>
    sns.send(
      new PublishCommand({
        TopicArn: topicArn,
        Subject: subject,
        Message: message.length > 200_000 ? `${message.slice(0, 200_000)}\n…` : message,
      }),
    ),
  );
  return res.MessageId ? { messageId: res.MessageId } : {};
}
