package io.incidentsupervisor.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awscdk.assertions.Template;

/**
 * The supervisor role's allow statements, read from the synthesized template, with CloudFormation's intrinsic functions
 * resolved for a sample account and region, so that an ARN the code touches can be checked against them.
 */
final class RolePolicy {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";

    /** One action granted on one resource pattern (IAM's {@code *} and {@code ?} wildcards). */
    record Grant(String action, String resource) {

        boolean allows(String action, String arn) {
            return this.action.equalsIgnoreCase(action)
                    && glob(resource).matcher(arn).matches();
        }

        private static Pattern glob(String pattern) {
            StringBuilder regex = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
            }
            return Pattern.compile(regex.toString());
        }
    }

    private final List<Grant> grants;

    private RolePolicy(List<Grant> grants) {
        this.grants = grants;
    }

    /** The supervisor functions' role. */
    static RolePolicy of(Template template) {
        return of(template, "SupervisorRole");
    }

    /** The role the stack declares under construct id {@code roleId} (its logical id starts with it). */
    @SuppressWarnings("unchecked")
    static RolePolicy of(Template template, String roleId) {
        Map<String, Object> resources = (Map<String, Object>) template.toJSON().get("Resources");
        List<Grant> grants = new ArrayList<>();
        for (Object value : resources.values()) {
            Map<String, Object> resource = (Map<String, Object>) value;
            if (!"AWS::IAM::Policy".equals(resource.get("Type"))) {
                continue;
            }
            List<Object> roles = (List<Object>) ((Map<String, Object>) resource.get("Properties")).get("Roles");
            if (roles.stream()
                    .noneMatch(role ->
                            ((Map<String, Object>) role).get("Ref").toString().startsWith(roleId))) {
                continue;
            }
            Map<String, Object> document =
                    (Map<String, Object>) ((Map<String, Object>) resource.get("Properties")).get("PolicyDocument");
            for (Object s : (List<Object>) document.get("Statement")) {
                Map<String, Object> statement = (Map<String, Object>) s;
                if (!"Allow".equals(statement.get("Effect"))) {
                    continue;
                }
                for (Object action : asList(statement.get("Action"))) {
                    for (Object target : asList(statement.get("Resource"))) {
                        grants.add(new Grant((String) action, resolve(target, resources)));
                    }
                }
            }
        }
        return new RolePolicy(grants);
    }

    /** A template value naming a resource (a string or an intrinsic function), as the ARN it resolves to. */
    @SuppressWarnings("unchecked")
    static String arn(Template template, Object value) {
        return resolve(value, (Map<String, Object>) template.toJSON().get("Resources"));
    }

    List<Grant> grants() {
        return grants;
    }

    boolean allows(String action, String arn) {
        return grants.stream().anyMatch(grant -> grant.allows(action, arn));
    }

    private static List<Object> asList(Object value) {
        return value instanceof List<?> list ? new ArrayList<>(list) : List.of(value);
    }

    /** A Ref to a topic of the stack is its ARN, named here by its logical id as queues are. */
    @SuppressWarnings("unchecked")
    private static String topicArn(String logicalId, Map<String, Object> resources) {
        Object resource = resources.get(logicalId);
        if (resource == null || !"AWS::SNS::Topic".equals(((Map<String, Object>) resource).get("Type"))) {
            throw new IllegalArgumentException("Unresolved Ref in the role policy: " + logicalId);
        }
        return "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":" + logicalId;
    }

    @SuppressWarnings("unchecked")
    private static String resolve(Object value, Map<String, Object> resources) {
        if (value instanceof String text) {
            return text;
        }
        Map<String, Object> function = (Map<String, Object>) value;
        if (function.containsKey("Fn::Join")) {
            List<Object> join = (List<Object>) function.get("Fn::Join");
            StringBuilder joined = new StringBuilder();
            List<Object> parts = (List<Object>) join.get(1);
            for (int i = 0; i < parts.size(); i++) {
                joined.append(i == 0 ? "" : join.get(0)).append(resolve(parts.get(i), resources));
            }
            return joined.toString();
        }
        if (function.containsKey("Ref")) {
            return switch ((String) function.get("Ref")) {
                case "AWS::Partition" -> "aws";
                case "AWS::Region" -> REGION;
                case "AWS::AccountId" -> ACCOUNT;
                case "AWS::URLSuffix" -> "amazonaws.com";
                default -> topicArn((String) function.get("Ref"), resources);
            };
        }
        if (function.containsKey("Fn::GetAtt")) {
            List<Object> getAtt = (List<Object>) function.get("Fn::GetAtt");
            Map<String, Object> target = (Map<String, Object>) resources.get(getAtt.get(0));
            Map<String, Object> properties = (Map<String, Object>) target.get("Properties");
            String prefix = "arn:aws:%s:" + REGION + ":" + ACCOUNT + ":";
            return switch ((String) target.get("Type")) {
                case "AWS::DynamoDB::Table" ->
                    String.format(prefix, "dynamodb") + "table/" + properties.get("TableName")
                            + ("StreamArn".equals(getAtt.get(1)) ? "/stream/*" : "");
                case "AWS::Events::EventBus" -> String.format(prefix, "events") + "event-bus/" + properties.get("Name");
                case "AWS::Logs::LogGroup" ->
                    String.format(prefix, "logs") + "log-group:" + properties.get("LogGroupName") + ":*";
                case "AWS::SQS::Queue" -> String.format(prefix, "sqs") + getAtt.get(0);
                case "AWS::Lambda::Function" ->
                    String.format(prefix, "lambda") + "function:" + properties.get("FunctionName");
                default -> throw new IllegalArgumentException("Unresolved GetAtt in the role policy: " + function);
            };
        }
        throw new IllegalArgumentException("Unresolved intrinsic in the role policy: " + function);
    }
}
