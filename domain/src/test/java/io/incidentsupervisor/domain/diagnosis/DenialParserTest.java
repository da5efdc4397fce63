package io.incidentsupervisor.domain.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.domain.diagnosis.DenialReason.Effect;
import io.incidentsupervisor.domain.diagnosis.DenialReason.PolicyType;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shapes of AWS denial messages, as services and SDKs word them, and what each must yield. */
class DenialParserTest {

    private static final String SESSION = "arn:aws:sts::123456789012:assumed-role/data-processor-role/data-processor";

    static Stream<Arguments> corpus() {
        return Stream.of(
                shape(
                        "S3 (botocore, current wording)",
                        "An error occurred (AccessDenied) when calling the GetObject operation: User: " + SESSION
                                + " is not authorized to perform: s3:GetObject on resource: \"arn:aws:s3:::orders-prod-eu/in/1.csv\""
                                + " because no identity-based policy allows the s3:GetObject action",
                        "s3:GetObject",
                        "arn:aws:s3:::orders-prod-eu/in/1.csv",
                        Effect.IMPLICIT,
                        PolicyType.IDENTITY),
                shape(
                        "S3 bare Access Denied",
                        "An error occurred (AccessDenied) when calling the GetObject operation: Access Denied",
                        "s3:GetObject",
                        "",
                        Effect.UNKNOWN,
                        PolicyType.UNKNOWN),
                shape(
                        "S3 bare Access Denied on a list",
                        "ClientError: An error occurred (AccessDenied) when calling the ListObjectsV2 operation: Access Denied",
                        "s3:ListBucket",
                        "",
                        Effect.UNKNOWN,
                        PolicyType.UNKNOWN),
                shape(
                        "S3 explicit deny in a resource-based policy (bucket policy)",
                        "User: " + SESSION + " is not authorized to perform: s3:PutObject on resource:"
                                + " \"arn:aws:s3:::results/out.csv\" with an explicit deny in a resource-based policy",
                        "s3:PutObject",
                        "arn:aws:s3:::results/out.csv",
                        Effect.EXPLICIT,
                        PolicyType.RESOURCE),
                shape(
                        "DynamoDB",
                        "An error occurred (AccessDeniedException) when calling the PutItem operation: User: " + SESSION
                                + " is not authorized to perform: dynamodb:PutItem on resource:"
                                + " arn:aws:dynamodb:eu-west-1:123456789012:table/orders because no identity-based policy"
                                + " allows the dynamodb:PutItem action",
                        "dynamodb:PutItem",
                        "arn:aws:dynamodb:eu-west-1:123456789012:table/orders",
                        Effect.IMPLICIT,
                        PolicyType.IDENTITY),
                shape(
                        "DynamoDB explicit deny in a permissions boundary",
                        "User: " + SESSION + " is not authorized to perform: dynamodb:Query on resource:"
                                + " arn:aws:dynamodb:eu-west-1:123456789012:table/orders/index/by-day with an explicit"
                                + " deny in a permissions boundary",
                        "dynamodb:Query",
                        "arn:aws:dynamodb:eu-west-1:123456789012:table/orders/index/by-day",
                        Effect.EXPLICIT,
                        PolicyType.PERMISSIONS_BOUNDARY),
                shape(
                        "KMS, no permissions boundary allows",
                        "An error occurred (AccessDeniedException) when calling the Decrypt operation: User: " + SESSION
                                + " is not authorized to perform: kms:Decrypt on resource:"
                                + " arn:aws:kms:eu-west-1:123456789012:key/1a2b3c4d because no permissions boundary allows"
                                + " the kms:Decrypt action",
                        "kms:Decrypt",
                        "arn:aws:kms:eu-west-1:123456789012:key/1a2b3c4d",
                        Effect.IMPLICIT,
                        PolicyType.PERMISSIONS_BOUNDARY),
                shape(
                        "KMS explicit deny in a service control policy",
                        "User: " + SESSION + " is not authorized to perform: kms:GenerateDataKey on resource:"
                                + " arn:aws:kms:eu-west-1:123456789012:key/9f8e with an explicit deny in a service control"
                                + " policy",
                        "kms:GenerateDataKey",
                        "arn:aws:kms:eu-west-1:123456789012:key/9f8e",
                        Effect.EXPLICIT,
                        PolicyType.SERVICE_CONTROL),
                shape(
                        "SQS (lower-case action, query protocol)",
                        "An error occurred (AccessDenied) when calling the SendMessage operation: User: " + SESSION
                                + " is not authorized to perform: sqs:sendmessage on resource:"
                                + " arn:aws:sqs:eu-west-1:123456789012:orders-queue because no identity-based policy"
                                + " allows the sqs:sendmessage action",
                        "sqs:sendmessage",
                        "arn:aws:sqs:eu-west-1:123456789012:orders-queue",
                        Effect.IMPLICIT,
                        PolicyType.IDENTITY),
                shape(
                        "SNS (upper-case service prefix)",
                        "An error occurred (AuthorizationError) when calling the Publish operation: User: " + SESSION
                                + " is not authorized to perform: SNS:Publish on resource:"
                                + " arn:aws:sns:eu-west-1:123456789012:incident-alerts because no identity-based policy"
                                + " allows the SNS:Publish action",
                        "sns:Publish",
                        "arn:aws:sns:eu-west-1:123456789012:incident-alerts",
                        Effect.IMPLICIT,
                        PolicyType.IDENTITY),
                shape(
                        "Secrets Manager, explicit deny in a session policy",
                        "An error occurred (AccessDeniedException) when calling the GetSecretValue operation: User: "
                                + SESSION + " is not authorized to perform: secretsmanager:GetSecretValue on resource:"
                                + " prod/db-password with an explicit deny in a session policy",
                        "secretsmanager:GetSecretValue",
                        "prod/db-password",
                        Effect.EXPLICIT,
                        PolicyType.SESSION),
                shape(
                        "STS AssumeRole (no reason given)",
                        "An error occurred (AccessDenied) when calling the AssumeRole operation: User: " + SESSION
                                + " is not authorized to perform: sts:AssumeRole on resource:"
                                + " arn:aws:iam::210987654321:role/cross-account-reader",
                        "sts:AssumeRole",
                        "arn:aws:iam::210987654321:role/cross-account-reader",
                        Effect.UNKNOWN,
                        PolicyType.UNKNOWN),
                shape(
                        "STS AssumeRole, no resource-based policy allows (trust policy)",
                        "User: " + SESSION + " is not authorized to perform: sts:AssumeRole on resource:"
                                + " arn:aws:iam::210987654321:role/cross-account-reader because no resource-based policy"
                                + " allows the sts:AssumeRole action",
                        "sts:AssumeRole",
                        "arn:aws:iam::210987654321:role/cross-account-reader",
                        Effect.IMPLICIT,
                        PolicyType.RESOURCE),
                shape(
                        "CloudWatch Logs",
                        "An error occurred (AccessDeniedException) when calling the PutLogEvents operation: User: "
                                + SESSION + " is not authorized to perform: logs:PutLogEvents on resource:"
                                + " arn:aws:logs:eu-west-1:123456789012:log-group:/app/orders:log-stream:2026/11/23"
                                + " because no identity-based policy allows the logs:PutLogEvents action",
                        "logs:PutLogEvents",
                        "arn:aws:logs:eu-west-1:123456789012:log-group:/app/orders:log-stream:2026/11/23",
                        Effect.IMPLICIT,
                        PolicyType.IDENTITY),
                shape(
                        "Lambda Invoke (Java SDK wording)",
                        "User: " + SESSION + " is not authorized to perform: lambda:InvokeFunction on resource:"
                                + " arn:aws:lambda:eu-west-1:123456789012:function:billing because no identity-based"
                                + " policy allows the lambda:InvokeFunction action (Service: Lambda, Status Code: 403,"
                                + " Request ID: 5f1e)",
                        "lambda:InvokeFunction",
                        "arn:aws:lambda:eu-west-1:123456789012:function:billing",
                        Effect.IMPLICIT,
                        PolicyType.IDENTITY),
                shape(
                        "EventBridge, no VPC endpoint policy allows",
                        "An error occurred (AccessDeniedException) when calling the PutEvents operation: User: "
                                + SESSION
                                + " is not authorized to perform: events:PutEvents on resource:"
                                + " arn:aws:events:eu-west-1:123456789012:event-bus/default because no VPC endpoint policy"
                                + " allows the events:PutEvents action",
                        "events:PutEvents",
                        "arn:aws:events:eu-west-1:123456789012:event-bus/default",
                        Effect.IMPLICIT,
                        PolicyType.VPC_ENDPOINT),
                shape(
                        "EventBridge explicit deny in a VPC endpoint policy",
                        "User: " + SESSION + " is not authorized to perform: events:PutEvents on resource:"
                                + " arn:aws:events:eu-west-1:123456789012:event-bus/orders with an explicit deny in a VPC"
                                + " endpoint policy",
                        "events:PutEvents",
                        "arn:aws:events:eu-west-1:123456789012:event-bus/orders",
                        Effect.EXPLICIT,
                        PolicyType.VPC_ENDPOINT),
                shape(
                        "S3, no service control policy allows",
                        "User: " + SESSION + " is not authorized to perform: s3:GetObject on resource:"
                                + " \"arn:aws:s3:::orders/a.csv\" because no service control policy allows the s3:GetObject"
                                + " action",
                        "s3:GetObject",
                        "arn:aws:s3:::orders/a.csv",
                        Effect.IMPLICIT,
                        PolicyType.SERVICE_CONTROL),
                shape(
                        "S3, no session policy allows",
                        "User: " + SESSION + " is not authorized to perform: s3:GetObject on resource:"
                                + " \"arn:aws:s3:::orders/b.csv\" because no session policy allows the s3:GetObject action",
                        "s3:GetObject",
                        "arn:aws:s3:::orders/b.csv",
                        Effect.IMPLICIT,
                        PolicyType.SESSION),
                shape(
                        "S3, explicit deny in an identity-based policy",
                        "User: " + SESSION + " is not authorized to perform: s3:DeleteObject on resource:"
                                + " \"arn:aws:s3:::orders/c.csv\" with an explicit deny in an identity-based policy",
                        "s3:DeleteObject",
                        "arn:aws:s3:::orders/c.csv",
                        Effect.EXPLICIT,
                        PolicyType.IDENTITY),
                shape(
                        "S3, explicit deny in a resource control policy",
                        "User: " + SESSION + " is not authorized to perform: s3:GetObject on resource:"
                                + " \"arn:aws:s3:::orders/d.csv\" with an explicit deny in a resource control policy",
                        "s3:GetObject",
                        "arn:aws:s3:::orders/d.csv",
                        Effect.EXPLICIT,
                        PolicyType.RESOURCE_CONTROL));
    }

    private static Arguments shape(
            String name, String message, String action, String resource, Effect effect, PolicyType type) {
        return Arguments.of(name, message, action, resource, new DenialReason(effect, type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachShapeYieldsItsActionResourceAndReason(
            String name, String message, String action, String resource, DenialReason reason) {
        List<Denial> denials = DenialParser.parse(message, "S3AccessError");

        assertThat(denials).singleElement().satisfies(denial -> {
            assertThat(denial.action()).isEqualTo(action);
            assertThat(denial.resource()).isEqualTo(resource);
            assertThat(denial.reason()).isEqualTo(reason);
            if (message.contains("User: ")) {
                assertThat(denial.principal()).isEqualTo(SESSION);
                assertThat(denial.role()).isEqualTo("data-processor-role");
            }
        });
    }

    @Test
    void theCorpusCoversEveryReasonKind() {
        List<DenialReason> reasons =
                corpus().map(args -> (DenialReason) args.get()[4]).toList();
        for (PolicyType type : PolicyType.values()) {
            assertThat(reasons).as(type.name()).anyMatch(reason -> reason.policyType() == type);
        }
        assertThat(reasons).extracting(DenialReason::effect).contains(Effect.values());
        assertThat(corpus().count()).isGreaterThanOrEqualTo(15);
    }

    @Test
    void theDenyingPolicysArnIsReadWhereTheMessageNamesIt() {
        String scp = "arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-deny3s";
        assertThat(DenialParser.parse(
                        "User: " + SESSION + " is not authorized to perform: s3:GetObject on resource: "
                                + "\"arn:aws:s3:::orders/a.csv\" with an explicit deny in a service control policy: "
                                + scp + ".",
                        "S3AccessError"))
                .singleElement()
                .satisfies(denial -> {
                    assertThat(denial.reason().policyType()).isEqualTo(PolicyType.SERVICE_CONTROL);
                    assertThat(denial.reason().policyArn()).isEqualTo(scp);
                    assertThat(denial.resource()).isEqualTo("arn:aws:s3:::orders/a.csv");
                });
        assertThat(DenialParser.parse(
                        "User: " + SESSION + " is not authorized to perform: s3:GetObject on resource: x with an"
                                + " explicit deny in a resource-based policy",
                        "S3AccessError"))
                .singleElement()
                .satisfies(denial -> assertThat(denial.reason().policyArn()).isEmpty());
    }

    @Test
    void anOperationOutsideTheTableIsNamedByTheErrorTypesService() {
        assertThat(DenialParser.parse(
                        "An error occurred (AccessDenied) when calling the Scan operation: Access Denied",
                        "DynamoDBAccessError"))
                .singleElement()
                .extracting(Denial::action)
                .isEqualTo("dynamodb:Scan");
    }

    @Test
    void theAlertAndTheFailureLinesGiveEachDenialOnce() {
        String line =
                "User: " + SESSION + " is not authorized to perform: s3:GetObject on resource: \"arn:aws:s3:::o/a\""
                        + " because no identity-based policy allows the s3:GetObject action";
        List<Denial> denials = DenialParser.denials(
                line,
                List.of(
                        new DenialParser.CitedText("logs:3", "[ERROR] " + line),
                        new DenialParser.CitedText("logs:4", "START RequestId: 1")),
                "S3AccessError");
        assertThat(denials).singleElement().extracting(Denial::evidence).isEqualTo(Denial.ALERT);
        assertThat(DenialParser.denials(
                        "Task timed out",
                        List.of(new DenialParser.CitedText("logs:3", "[ERROR] " + line)),
                        "S3AccessError"))
                .singleElement()
                .extracting(Denial::evidence)
                .isEqualTo("logs:3");
    }

    @Test
    void textWithoutADenialYieldsNone() {
        assertThat(DenialParser.parse("Task timed out after 60.00 seconds", "Timeout"))
                .isEmpty();
        assertThat(DenialParser.parse("", "S3AccessError")).isEmpty();
        assertThat(DenialParser.parse(null, "S3AccessError")).isEmpty();
    }

    @Test
    void arbitraryTextNeverThrowsAndNeverYieldsMoreThanTheCap() {
        Random random = new Random(20261201);
        String[] pieces = {
            " is not authorized to perform: ",
            " on resource: ",
            " because no ",
            " with an explicit deny in ",
            "User: ",
            "when calling the ",
            " operation",
            "Access Denied",
            "s3:GetObject",
            "\"",
            ":",
            " ",
            "\n",
            "an ",
            "a ",
            "identity-based policy",
            "arn:aws:sts::1:assumed-role/r/s",
            "\uD83D\uDE00",
            "x"
        };
        for (int run = 0; run < 2_000; run++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertThat(DenialParser.parse(text.toString(), "S3AccessError"))
                    .hasSizeLessThanOrEqualTo(DenialParser.MAX_DENIALS);
        }
    }

    /** Adversarial texts of about {@code n} characters: near-misses of every phrase the parser looks for. */
    static Stream<Arguments> adversarial() {
        return Stream.of(
                Arguments.of("repeated phrase without an action", (IntFunction<String>)
                        n -> " is not authorized to perform: x".repeat(n / 32)),
                Arguments.of("principals far before the phrase", (IntFunction<String>)
                        n -> ("User: " + "a".repeat(2_000)).repeat(n / 2_006)
                                + " is not authorized to perform: s3:GetObject"),
                Arguments.of("a resource that never ends", (IntFunction<String>)
                        n -> " is not authorized to perform: s3:GetObject on resource: " + "r".repeat(n)),
                Arguments.of("an operation that never ends", (IntFunction<String>)
                        n -> "AccessDenied when calling the " + "O".repeat(n)),
                Arguments.of("repeated explicit-deny prefixes", (IntFunction<String>)
                        n -> " with an explicit deny in ".repeat(n / 26)),
                Arguments.of("near-misses of the phrase", (IntFunction<String>)
                        n -> " is not authorized to perfor".repeat(n / 28)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adversarial")
    void aMegabyteOfAdversarialTextIsReadInLinearTime(String name, IntFunction<String> text) {
        long half = charactersRead(text.apply(500_000));
        long whole = charactersRead(text.apply(1_000_000));

        // Counted, not timed: doubling the text at most doubles the characters read, and each is read a bounded
        // number of times.
        assertThat(whole).as("characters read for 1 MB").isLessThanOrEqualTo(2 * half + 10_000);
        assertThat(whole).as("reads per character").isLessThanOrEqualTo(200L * 1_000_000);
    }

    private static long charactersRead(String text) {
        CountingText counting = new CountingText(text);
        DenialParser.parse(counting, "S3AccessError");
        return counting.reads;
    }

    /** Text that counts every character the parser reads from it. */
    private static final class CountingText implements CharSequence {

        private final String text;
        private long reads;

        CountingText(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            reads += end - start;
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
