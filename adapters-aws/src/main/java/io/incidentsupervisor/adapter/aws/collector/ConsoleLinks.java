package io.incidentsupervisor.adapter.aws.collector;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Deep links into the AWS console, so a person can open the evidence an agent cites. */
final class ConsoleLinks {

    private ConsoleLinks() {}

    /** One log event: its group and stream, at its time. */
    static String logEvent(String region, String logGroup, String logStream, long timestampMillis) {
        return "https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region
                + "#logsV2:log-groups/log-group/" + console(logGroup) + "/log-events/" + console(logStream)
                + console("?start=" + timestampMillis + "&end=" + (timestampMillis + 1));
    }

    /** A role's permissions page (IAM is global). */
    static String role(String roleName) {
        return "https://us-east-1.console.aws.amazon.com/iam/home#/roles/details/" + roleName + "?section=permissions";
    }

    /** The console's own escaping in its hash routes: URL-encode, then '%' becomes '$25'. */
    private static String console(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%", "$25");
    }
}
