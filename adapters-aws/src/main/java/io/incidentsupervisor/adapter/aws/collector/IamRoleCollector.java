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
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The IAM state of the failing function's role, as the function runs with it: the role comes from {@code GetFunction},
 * then every inline policy document and every attached managed policy's current document. Each statement is an entry
 * with an id ({@code iam:inline/results-write#1}, {@code iam:managed/AWSXRayDaemonWriteAccess#1}), marked as bearing on
 * the failure when one of its actions belongs to the failing service. A managed policy that cannot be read is named in
 * {@code unreadablePolicies}; the inline ones and the rest are kept.
 */
public final class IamRoleCollector implements ContextCollector {

    public static final String NAME = "iam-role";

    private static final ObjectMapper JSON = Json.mapper();
    /**
     * IAM's own limit on a customer managed policy's document: an AWS managed policy beyond it (some run to tens of
     * thousands of characters) keeps only the statements that mention the failing services, and says so.
     */
    static final int MANAGED_DOCUMENT_CAP = 6_144;

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
                addStatements(
                        statements,
                        "iam:inline/" + policyName,
                        roleArn,
                        policyName,
                        parse(encoded, policyName),
                        failingServices,
                        false);
            }
            List<Map<String, Object>> cut = new ArrayList<>();
            List<String> unreadable = new ArrayList<>();
            for (String policyArn : attached) {
                try {
                    String document = managedDocument(policyArn);
                    Map<String, Object> parsed = parse(document, policyArn);
                    boolean onlyFailing =
                            URLDecoder.decode(document, StandardCharsets.UTF_8).length() > MANAGED_DOCUMENT_CAP;
                    int kept = addStatements(
                            statements,
                            "iam:managed/" + policyArn.substring(policyArn.lastIndexOf('/') + 1),
                            roleArn,
                            policyArn,
                            parsed,
                            failingServices,
                            onlyFailing);
                    int all = statements(parsed).size();
                    if (kept < all) {
                        cut.add(Map.of("policyArn", policyArn, "statements", all, "kept", kept));
                    }
                } catch (SdkException e) {
                    AwsFailure failure = AwsFailure.of(e);
                    unreadable.add(policyArn + ": " + failure.kind().label()
                            + (failure.code().isEmpty() ? "" : " " + failure.code())
                            + (failure.message() == null ? "" : " (" + failure.message() + ")"));
                } catch (UnreadablePolicy e) {
                    unreadable.add(policyArn + ": " + e.getMessage());
                }
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("roleArn", roleArn);
            data.put("consoleLink", ConsoleLinks.role(roleName));
            data.put("attachedPolicyArns", attached);
            data.put("inlinePolicyNames", inlineNames);
            data.put("failingServices", List.copyOf(failingServices));
            if (!cut.isEmpty()) {
                data.put("managedPoliciesCut", cut);
            }
            if (!unreadable.isEmpty()) {
                data.put("unreadablePolicies", unreadable);
            }
            return CollectorResult.gathered(NAME, data, statements, !cut.isEmpty());
        } catch (SdkException e) {
            return CollectorResult.failed(NAME, AwsFailure.of(e).toCollectorError());
        } catch (UnreadablePolicy e) {
            return CollectorResult.failed(
                    NAME, new CollectorError("Unreadable", "MalformedPolicyDocument", e.getMessage()));
        }
    }

    /** A managed policy's current document: {@code GetPolicy} names its default version, {@code GetPolicyVersion} holds it. */
    private String managedDocument(String policyArn) {
        Policy policy = iam.getPolicy(b -> b.policyArn(policyArn)).policy();
        if (policy == null || policy.defaultVersionId() == null) {
            throw new UnreadablePolicy("GetPolicy named no default version of " + policyArn);
        }
        PolicyVersion version = iam.getPolicyVersion(b -> b.policyArn(policyArn).versionId(policy.defaultVersionId()))
                .policyVersion();
        if (version == null || version.document() == null) {
            throw new UnreadablePolicy("GetPolicyVersion returned no document of " + policyArn);
        }
        return version.document();
    }

    /**
     * Each statement of a document as an entry with its id ({@code <prefix>#1}, numbered in the document), bearing on
     * the failure or not; {@code onlyFailing} keeps only those that bear on it. Answers how many were kept.
     */
    private static int addStatements(
            List<ContextEntry> entries,
            String idPrefix,
            String roleArn,
            String policy,
            Map<String, Object> document,
            Set<String> failingServices,
            boolean onlyFailing) {
        List<Map<String, Object>> inDocument = statements(document);
        int kept = 0;
        for (int index = 0; index < inDocument.size(); index++) {
            Map<String, Object> statement = inDocument.get(index);
            boolean bears = concerns(statement, failingServices);
            if (onlyFailing && !bears) {
                continue;
            }
            kept++;
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("id", idPrefix + "#" + (index + 1));
            content.put("roleArn", roleArn);
            content.put("policy", policy);
            content.put("statement", statement);
            entries.add(new ContextEntry(bears ? Relevance.FAILURE : Relevance.BACKGROUND, content));
        }
        return kept;
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

    /** A policy document as IAM returns it, URL-encoded. */
    private static Map<String, Object> parse(String encoded, String policyName) {
        try {
            return JSON.readValue(
                    URLDecoder.decode(encoded, StandardCharsets.UTF_8), new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new UnreadablePolicy("Policy " + policyName + " is not a JSON object: " + e.getOriginalMessage());
        }
    }

    private static final class UnreadablePolicy extends IllegalArgumentException {
        UnreadablePolicy(String message) {
            super(message);
        }
    }
}
