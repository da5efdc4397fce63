package io.incidentsupervisor.adapter.aws.collector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentsupervisor.adapter.aws.AwsFailure;
import io.incidentsupervisor.application.Json;
import io.incidentsupervisor.application.port.out.ContextCollector;
import io.incidentsupervisor.domain.model.CollectorError;
import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.ConsoleLinks;
import io.incidentsupervisor.domain.model.ContextEntry;
import io.incidentsupervisor.domain.model.ContextEntry.Relevance;
import io.incidentsupervisor.domain.model.IncidentAlert;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The IAM state of the failing function's role, as the function runs with it: the role comes from {@code GetFunction},
 * then its attached managed policies and every inline policy document. Each statement of an inline document is an
 * entry, marked as bearing on the failure when one of its actions belongs to the failing service.
 */
public final class IamRoleCollector implements ContextCollector {

    public static final String NAME = "iam-role";

    private static final ObjectMapper JSON = Json.mapper();
    private static final Pattern ACTION_IN_MESSAGE = Pattern.compile("\\b([a-z0-9-]+):[A-Z*][A-Za-z*]*");

    private final LambdaClient lambda;
    private final IamClient iam;

    public IamRoleCollector(LambdaClient lambda, IamClient iam) {
        this.lambda = Objects.requireNonNull(lambda, "lambda");
        this.iam = Objects.requireNonNull(iam, "iam");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorResult collect(IncidentAlert alert) {
        try {
            String roleArn = lambda.getFunction(b -> b.functionName(alert.lambdaName()))
                    .configuration()
                    .role();
            String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
            List<String> attached =
                    iam.listAttachedRolePoliciesPaginator(b -> b.roleName(roleName)).attachedPolicies().stream()
                            .map(AttachedPolicy::policyArn)
                            .toList();
            List<String> inlineNames = iam.listRolePoliciesPaginator(b -> b.roleName(roleName)).policyNames().stream()
                    .toList();

            Set<String> failingServices = failingServices(alert);
            List<ContextEntry> statements = new ArrayList<>();
            for (String policyName : inlineNames) {
                String encoded = iam.getRolePolicy(b -> b.roleName(roleName).policyName(policyName))
                        .policyDocument();
                Map<String, Object> document = parse(URLDecoder.decode(encoded, StandardCharsets.UTF_8), policyName);
                List<Map<String, Object>> inDocument = statements(document);
                for (int index = 0; index < inDocument.size(); index++) {
                    Map<String, Object> statement = inDocument.get(index);
                    Map<String, Object> content = new LinkedHashMap<>();
                    content.put("id", "iam:inline/" + policyName + "#" + (index + 1));
                    content.put("roleArn", roleArn);
                    content.put("policy", policyName);
                    content.put("statement", statement);
                    statements.add(new ContextEntry(
                            concerns(statement, failingServices) ? Relevance.FAILURE : Relevance.BACKGROUND, content));
                }
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("roleArn", roleArn);
            data.put("consoleLink", ConsoleLinks.role(roleName));
            data.put("attachedPolicyArns", attached);
            data.put("inlinePolicyNames", inlineNames);
            data.put("failingServices", List.copyOf(failingServices));
            return CollectorResult.gathered(NAME, data, statements, false);
        } catch (SdkException e) {
            return CollectorResult.failed(NAME, AwsFailure.of(e).toCollectorError());
        } catch (UnreadablePolicy e) {
            return CollectorResult.failed(
                    NAME, new CollectorError("Unreadable", "MalformedPolicyDocument", e.getMessage()));
        }
    }

    /** The services the alert points at: named in its message ({@code s3:GetObject}) or in its type ({@code S3AccessError}). */
    static Set<String> failingServices(IncidentAlert alert) {
        Set<String> services = new LinkedHashSet<>();
        Matcher actions = ACTION_IN_MESSAGE.matcher(alert.errorMessage());
        while (actions.find()) {
            services.add(actions.group(1));
        }
        String fromType = alert.errorType()
                .replaceFirst("(Access)?(Error|Exception)$", "")
                .toLowerCase(Locale.ROOT);
        if (!fromType.isEmpty()) {
            services.add(fromType);
        }
        if (services.contains("cloudwatch")) {
            services.add("logs");
        }
        return services;
    }

    private static boolean concerns(Map<String, Object> statement, Set<String> services) {
        for (String key : List.of("Action", "NotAction")) {
            for (Object action : asList(statement.get(key))) {
                String text = String.valueOf(action);
                if (text.equals("*")
                        || services.contains(text.substring(0, Math.max(0, text.indexOf(':')))
                                .toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Map<String, Object> document) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object statement : asList(document.get("Statement"))) {
            if (statement instanceof Map<?, ?> map) {
                statements.add((Map<String, Object>) map);
            }
        }
        return statements;
    }

    private static List<?> asList(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? list : List.of(value);
    }

    private static Map<String, Object> parse(String document, String policyName) {
        try {
            return JSON.readValue(document, new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new UnreadablePolicy(
                    "Inline policy " + policyName + " is not a JSON object: " + e.getOriginalMessage());
        }
    }

    private static final class UnreadablePolicy extends IllegalArgumentException {
        UnreadablePolicy(String message) {
            super(message);
        }
    }
}
