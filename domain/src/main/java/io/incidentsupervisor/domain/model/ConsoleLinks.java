package io.incidentsupervisor.domain.model;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Deep links into the AWS console, so a person can open the evidence an agent cites. */
public final class ConsoleLinks {

    private ConsoleLinks() {}

    /** One log event: its group and stream, at its time. */
    public static String logEvent(String region, String logGroup, String logStream, long timestampMillis) {
        return "https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region
                + "#logsV2:log-groups/log-group/" + console(logGroup) + "/log-events/" + console(logStream)
                + console("?start=" + timestampMillis + "&end=" + (timestampMillis + 1));
    }

    /** A role's permissions page (IAM is global). */
    public static String role(String roleName) {
        return "https://us-east-1.console.aws.amazon.com/iam/home#/roles/details/" + roleName + "?section=permissions";
    }

    /** One CloudTrail event in the event history of us-east-1, where IAM records its changes. */
    public static String cloudTrailEvent(String eventId) {
        return "https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1#/events/"
                + URLEncoder.encode(eventId, StandardCharsets.UTF_8);
    }

    /** The console's own escaping in its hash routes: URL-encode, then '%' becomes '$25'. */
    private static String console(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%", "$25");
    }
}
