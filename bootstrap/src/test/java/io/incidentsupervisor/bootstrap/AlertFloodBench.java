package io.incidentsupervisor.bootstrap;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.incidentsupervisor.adapter.aws.collector.AwsStubs;
import io.incidentsupervisor.adapter.lambda.AlertMetrics;
import io.incidentsupervisor.adapter.lambda.RecordOutcome;
import io.incidentsupervisor.application.port.out.IncidentFilter;
import io.incidentsupervisor.application.port.out.IncidentPage;
import io.incidentsupervisor.application.port.out.IncidentStateRow;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.local.DynamoDbLocal;
import io.incidentsupervisor.local.LocalLambdaContext;
import io.incidentsupervisor.local.SampleAccount;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * A failure flood through the real SNS handler on DynamoDB Local: 1,000 alerts of 10 functions, 100 each a few seconds
 * apart, whose failures come from 2 changes (two customer-managed policies, each attached to five of the functions'
 * roles, each given a new default version without the statement the functions need). Run twice in one JVM: with the
 * episode window of the stack (15 minutes), and with a window of one millisecond, which makes every alert an incident
 * of its own as before episodes (the baseline, on the first 100 alerts: investigating each paces CloudTrail). Reports
 * investigations started, calls by API, DynamoDB requests, alerts counted (must be every one) and throughput, and the
 * ratios per alert.
 * {@code ./mvnw -B -q -Pbench -pl bootstrap -am -DskipTests verify}
 */
public final class AlertFloodBench {

    private static final int FUNCTIONS = 10;
    private static final int ALERTS_EACH = 100;
    private static final Duration APART = Duration.ofSeconds(6);
    private static final int BASELINE_ALERTS = 100;
    private static final Instant FIRST_FAILURE = Instant.parse("2026-11-23T08:05:00.190Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEMPLATE_FUNCTION = SampleAccount.MANAGED_POLICY_FUNCTION;
    private static final String POLICY = "orders-read";
    private static final String CHANGE = "3e7a9c1b-2d4f-4a6b-8c0d-1e2f3a4b5c01";

    /** Every SDK call of a run, as service:operation. */
    private static final class Calls implements ExecutionInterceptor {
        final Map<String, AtomicLong> byApi = new ConcurrentHashMap<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            byApi.computeIfAbsent(
                            attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + ":"
                                    + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                            api -> new AtomicLong())
                    .incrementAndGet();
        }

        long dynamoDb() {
            return sum(true);
        }

        long others() {
            return sum(false);
        }

        private long sum(boolean dynamoDb) {
            return byApi.entrySet().stream()
                    .filter(entry -> entry.getKey().startsWith("DynamoDb:") == dynamoDb)
                    .mapToLong(entry -> entry.getValue().get())
                    .sum();
        }
    }

    private record Result(
            String name,
            long investigated,
            long recurred,
            long incidents,
            long counted,
            List<String> groups,
            Map<String, Long> calls,
            long alerts,
            long dynamoDb,
            long others,
            double seconds) {

        double perAlert(double total) {
            return total / alerts;
        }
    }

    /** @param args the bootstrap module's directory (Maven runs this in its own working directory) */
    public static void main(String[] args) throws Exception {
        List<SNSEvent> alerts = alerts(Path.of(args[0]).resolve("../examples/sns-managed-policy-edit.json"));
        // A short warm-up, so that neither run pays for class loading and JIT alone.
        run("warm-up", "PT15M", alerts.subList(0, 20));
        Result episodes = run("episodes (EPISODE_WINDOW=PT15M)", "PT15M", alerts);
        // Every alert investigated paces CloudTrail (2 lookups a second): the baseline takes the first tenth.
        Result baseline = run("baseline (EPISODE_WINDOW=PT0.001S)", "PT0.001S", alerts.subList(0, BASELINE_ALERTS));
        for (Result result : List.of(baseline, episodes)) {
            report(result);
        }
        System.out.printf(
                "%nper alert, baseline/episodes: investigations %.1fx, calls to other AWS services %.1fx, DynamoDB"
                        + " requests %.1fx, time %.1fx%n",
                baseline.perAlert(baseline.investigated()) / episodes.perAlert(episodes.investigated()),
                baseline.perAlert(baseline.others()) / episodes.perAlert(episodes.others()),
                baseline.perAlert(baseline.dynamoDb()) / episodes.perAlert(episodes.dynamoDb()),
                baseline.perAlert(baseline.seconds()) / episodes.perAlert(episodes.seconds()));
        if (episodes.counted() != alerts.size() || baseline.counted() != BASELINE_ALERTS) {
            throw new IllegalStateException("Alerts were lost: " + episodes.counted() + " of " + alerts.size() + " and "
                    + baseline.counted() + " of " + BASELINE_ALERTS + " counted");
        }
    }

    private static Result run(String name, String window, List<SNSEvent> alerts) throws Exception {
        Calls calls = new Calls();
        try (DynamoDbLocal dynamoDb = DynamoDbLocal.inMemory();
                AwsStubs aws = account().intercepting(calls)) {
            Settings settings = Settings.from(Map.of(
                    "AWS_REGION",
                    SampleAccount.REGION,
                    "SUPERVISED_FUNCTIONS",
                    String.join(",", functions()),
                    "EPISODE_WINDOW",
                    window));
            try (IncidentSupervisor supervisor = IncidentSupervisor.start(
                    settings,
                    AwsClients.of(
                            dynamoDb.newClient(ClientOverrideConfiguration.builder()
                                    .addExecutionInterceptor(calls)
                                    .build()),
                            aws.lambda(),
                            aws.iam(),
                            aws.logs(),
                            aws.cloudTrail()),
                    AlertMetrics.NONE)) {
                supervisor.stores().createTablesIfMissing();
                calls.byApi.clear();
                Map<String, Long> outcomes = new TreeMap<>();
                long started = System.nanoTime();
                for (SNSEvent alert : alerts) {
                    for (RecordOutcome outcome : supervisor
                            .snsHandler()
                            .deliver(
                                    alert,
                                    LocalLambdaContext.of(
                                            "bench", LocalLambdaContext.SUPERVISOR_TIMEOUT, Clock.systemUTC()))) {
                        outcomes.merge(kind(outcome), 1L, Long::sum);
                    }
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                Map<String, Long> byApi = new TreeMap<>();
                calls.byApi.forEach((api, count) -> byApi.put(api, count.get()));
                long dynamoDbRequests = calls.dynamoDb();
                long others = calls.others();
                List<IncidentStateRow> rows = incidents(supervisor);
                List<String> groups = supervisor.stores().rootCauses().rootCauses(1_000).stream()
                        .map(group ->
                                group.cause().eventName() + " " + group.cause().eventId() + " of "
                                        + group.cause().policy() + ": "
                                        + group.functions().size() + " functions, "
                                        + group.incidents().size() + " incidents, " + group.occurrences() + " alerts")
                        .toList();
                return new Result(
                        name,
                        outcomes.getOrDefault("Investigated", 0L),
                        outcomes.getOrDefault("Recurred", 0L),
                        rows.size(),
                        rows.stream().mapToLong(IncidentStateRow::occurrences).sum(),
                        groups,
                        byApi,
                        alerts.size(),
                        dynamoDbRequests,
                        others,
                        seconds);
            }
        }
    }

    private static String kind(RecordOutcome outcome) {
        if (outcome instanceof RecordOutcome.Handled handled) {
            return handled.outcome().getClass().getSimpleName();
        }
        throw new IllegalStateException("Not handled: " + outcome);
    }

    private static List<IncidentStateRow> incidents(IncidentSupervisor supervisor) {
        List<IncidentStateRow> rows = new ArrayList<>();
        IncidentId after = null;
        do {
            IncidentPage page =
                    supervisor.stores().incidents().recent(new IncidentFilter(null, null, null, null), after, 500);
            rows.addAll(page.incidents());
            after = page.next();
        } while (after != null);
        return rows;
    }

    private static void report(Result result) {
        System.out.printf(
                "%n%s: %d alerts in %.1f s (%.1f alerts/s)%n  investigations started %d, occurrences %d, incidents %d,"
                        + " alerts counted %d, root-cause groups %d%n  DynamoDB requests %d (%.2f per alert), calls"
                        + " to other AWS services %d (%.2f per alert)%n",
                result.name(),
                result.alerts(),
                result.seconds(),
                result.alerts() / result.seconds(),
                result.investigated(),
                result.recurred(),
                result.incidents(),
                result.counted(),
                result.groups().size(),
                result.dynamoDb(),
                result.perAlert(result.dynamoDb()),
                result.others(),
                result.perAlert(result.others()));
        result.groups().forEach(group -> System.out.println("    " + group));
        result.calls().forEach((api, count) -> System.out.printf("    %-44s %6d%n", api, count));
    }

    private static List<String> functions() {
        List<String> names = new ArrayList<>();
        for (int function = 0; function < FUNCTIONS; function++) {
            names.add(String.format("exporter-%02d", function));
        }
        return names;
    }

    /** The alerts in the order they fail: every function once, then again {@link #APART} later. */
    private static List<SNSEvent> alerts(Path example) throws IOException {
        ObjectNode template = (ObjectNode) JSON.readTree(JSON.readTree(Files.readString(example))
                .at("/Records/0/Sns/Message")
                .asText());
        List<SNSEvent> alerts = new ArrayList<>();
        for (int round = 0; round < ALERTS_EACH; round++) {
            for (String function : functions()) {
                ObjectNode alert = template.deepCopy();
                alert.put("lambda_name", function);
                alert.put(
                        "error_message", template.get("error_message").asText().replace(TEMPLATE_FUNCTION, function));
                alert.put(
                        "timestamp",
                        FIRST_FAILURE
                                .plus(APART.multipliedBy(round))
                                .plusMillis(functions().indexOf(function))
                                .toString());
                SNSEvent.SNS sns = new SNSEvent.SNS()
                        .withMessageId(UUID.randomUUID().toString())
                        .withMessage(JSON.writeValueAsString(alert))
                        .withTopicArn("arn:aws:sns:eu-west-1:123456789012:lambda-failures");
                alerts.add(new SNSEvent().withRecords(List.of(new SNSEvent.SNSRecord().withSns(sns))));
            }
        }
        return alerts;
    }

    /**
     * The sample account with ten functions like its {@code order-exporter}: the first five attach {@code orders-read},
     * the other five {@code orders-write}, each policy changed once.
     */
    private static AwsStubs account() throws IOException {
        AwsStubs aws = AwsStubs.sampleAccount();
        JsonNode mappings = JSON.readTree(resource("sample-account/mappings/managed-policy-edit.json"))
                .get("mappings");
        List<String> functions = functions();
        for (int group = 0; group < 2; group++) {
            String policy = group == 0 ? POLICY : "orders-write";
            List<String> members = functions.subList(group * 5, group * 5 + 5);
            for (JsonNode mapping : mappings) {
                // The policy's own answers once a policy, the rest once a function.
                List<String> answering =
                        mapping.toString().contains(TEMPLATE_FUNCTION) ? members : members.subList(0, 1);
                for (String function : answering) {
                    aws.server.addStubMapping(StubMapping.buildFrom(inline(mapping, function, policy, group, members)));
                }
            }
        }
        return aws;
    }

    /** One recorded mapping for one function and policy, its body inlined, the names replaced. */
    private static String inline(JsonNode mapping, String function, String policy, int group, List<String> members)
            throws IOException {
        ObjectNode copy = mapping.deepCopy();
        ObjectNode response = (ObjectNode) copy.get("response");
        if (response.has("bodyFileName")) {
            String file = response.remove("bodyFileName").asText();
            String body = resource("sample-account/__files/" + file);
            if (file.startsWith("iam-list-entities-for-policy")) {
                body = entitiesFor(members);
            }
            response.put("body", body);
        }
        String text = JSON.writeValueAsString(copy)
                .replace(TEMPLATE_FUNCTION, function)
                .replace(POLICY, policy);
        if (group == 1) {
            text = text.replace(CHANGE, "5c2d8e4f-6a1b-4c3d-9e0f-7a8b9c0d1e02");
        }
        return text;
    }

    private static String entitiesFor(List<String> functions) {
        StringBuilder roles = new StringBuilder();
        for (String function : functions) {
            roles.append("<member><RoleName>")
                    .append(function)
                    .append("-role</RoleName><RoleId>AROA")
                    .append(Math.abs(function.hashCode()))
                    .append("</RoleId></member>");
        }
        return "<ListEntitiesForPolicyResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                + "<ListEntitiesForPolicyResult><PolicyRoles>" + roles + "</PolicyRoles><PolicyGroups/><PolicyUsers/>"
                + "<IsTruncated>false</IsTruncated></ListEntitiesForPolicyResult><ResponseMetadata><RequestId>"
                + "5b1f7d2e-0000-4000-8000-0000000000b5</RequestId></ResponseMetadata></ListEntitiesForPolicyResponse>";
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AlertFloodBench.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
