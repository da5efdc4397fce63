import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The cold-start baseline: the same AWS calls as the supervisor makes for one S3AccessError alert (a conditional write
 * that detects duplicates, the Lambda, CloudWatch Logs and IAM reads, the diagnosis's role, simulator and CloudTrail
 * reads, the context and state writes) with the bare SDK on
 * the same HTTP client, and no Axon, no token counting, no logging set-up. Compiled against the Lambda jar.
 */
public final class BaselineHandler implements RequestHandler<SNSEvent, Void> {

    private static final SdkHttpClient HTTP = UrlConnectionHttpClient.create();
    private static final Region REGION = Region.of(System.getenv("AWS_REGION"));
    private static final DynamoDbClient DYNAMODB =
            DynamoDbClient.builder().httpClient(HTTP).region(REGION).build();
    private static final LambdaClient LAMBDA =
            LambdaClient.builder().httpClient(HTTP).region(REGION).build();
    private static final IamClient IAM =
            IamClient.builder().httpClient(HTTP).region(Region.AWS_GLOBAL).build();
    private static final CloudWatchLogsClient LOGS =
            CloudWatchLogsClient.builder().httpClient(HTTP).region(REGION).build();
    private static final CloudTrailClient CLOUDTRAIL =
            CloudTrailClient.builder().httpClient(HTTP).region(Region.US_EAST_1).build();
    /** The function's own changes are recorded in its Region. */
    private static final CloudTrailClient CLOUDTRAIL_HOME =
            CloudTrailClient.builder().httpClient(HTTP).region(REGION).build();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Void handleRequest(SNSEvent event, Context context) {
        for (SNSEvent.SNSRecord record : event.getRecords()) {
            try {
                handle(JSON.readTree(record.getSNS().getMessage()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("not JSON", e);
            }
        }
        return null;
    }

    private static Object iamRead(java.util.function.Supplier<Object> read) {
        try {
            return read.get();
        } catch (IamException denied) {
            return denied.awsErrorDetails().errorCode();
        }
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static void handle(JsonNode alert) throws com.fasterxml.jackson.core.JsonProcessingException {
        String function = alert.get("lambda_name").asText();
        String incidentId = function + "#" + alert.get("timestamp").asText();
        try {
            DYNAMODB.putItem(b -> b.tableName(System.getenv("STATE_TABLE"))
                    .item(Map.of(
                            "incidentId", AttributeValue.fromS(incidentId), "status", AttributeValue.fromS("RECEIVED")))
                    .conditionExpression("attribute_not_exists(incidentId)"));
        } catch (ConditionalCheckFailedException duplicate) {
            return;
        }
        Map<String, Object> gathered = new LinkedHashMap<>();
        var configuration = LAMBDA.getFunctionConfiguration(b -> b.functionName(function));
        gathered.put("runtime", configuration.runtimeAsString());
        gathered.put(
                "environmentKeys",
                configuration.environment() == null
                        ? null
                        : configuration.environment().variables().keySet());
        gathered.put(
                "reserved",
                LAMBDA.getFunctionConcurrency(b -> b.functionName(function)).reservedConcurrentExecutions());
        String group = "/aws/lambda/" + function;
        gathered.put(
                "groups",
                LOGS.describeLogGroups(b -> b.logGroupNamePrefix(group))
                        .logGroups()
                        .size());
        gathered.put(
                "events",
                LOGS.filterLogEvents(b -> b.logGroupName(group)).events().stream()
                        .map(e -> e.message())
                        .toList());
        String roleArn = LAMBDA.getFunction(b -> b.functionName(function))
                .configuration()
                .role();
        String role = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        gathered.put(
                "attached",
                iamRead(() -> IAM.listAttachedRolePolicies(b -> b.roleName(role))
                        .attachedPolicies()
                        .size()));
        for (String policy : IAM.listRolePolicies(b -> b.roleName(role)).policyNames()) {
            gathered.put(
                    policy,
                    URLDecoder.decode(
                            IAM.getRolePolicy(b -> b.roleName(role).policyName(policy))
                                    .policyDocument(),
                            StandardCharsets.UTF_8));
        }
        // The diagnosis's reads: the boundary, the simulator on the denied action, the role's and the function's
        // changes
        // in CloudTrail.
        String message = alert.get("error_message").asText();
        String action = between(message, "perform: ", " on resource: ");
        String resource = message.substring(message.indexOf(" on resource: ") + " on resource: ".length());
        gathered.put("boundary", IAM.getRole(b -> b.roleName(role)).role().permissionsBoundary() != null);
        gathered.put(
                "decision",
                IAM.simulatePrincipalPolicy(b ->
                                b.policySourceArn(roleArn).actionNames(action).resourceArns(resource))
                        .evaluationResults()
                        .get(0)
                        .evalDecisionAsString());
        Instant failedAt = Instant.parse(alert.get("timestamp").asText());
        gathered.put(
                "changes",
                CLOUDTRAIL
                        .lookupEvents(b -> b.lookupAttributes(LookupAttribute.builder()
                                        .attributeKey(LookupAttributeKey.RESOURCE_NAME)
                                        .attributeValue(role)
                                        .build())
                                .startTime(failedAt.minus(Duration.ofHours(24)))
                                .endTime(failedAt.plus(Duration.ofMinutes(5))))
                        .events()
                        .stream()
                        .map(e -> e.eventName())
                        .toList());
        gathered.put(
                "deploys",
                CLOUDTRAIL_HOME
                        .lookupEvents(b -> b.lookupAttributes(LookupAttribute.builder()
                                        .attributeKey(LookupAttributeKey.RESOURCE_NAME)
                                        .attributeValue(function)
                                        .build())
                                .startTime(failedAt.minus(Duration.ofHours(24)))
                                .endTime(failedAt.plus(Duration.ofMinutes(5))))
                        .events()
                        .stream()
                        .map(e -> e.eventName())
                        .toList());
        String contextJson = JSON.writeValueAsString(gathered);
        DYNAMODB.putItem(b -> b.tableName(System.getenv("CONTEXT_TABLE"))
                .item(Map.of(
                        "incidentId",
                        AttributeValue.fromS(incidentId),
                        "contextJson",
                        AttributeValue.fromS(contextJson))));
        DYNAMODB.putItem(b -> b.tableName(System.getenv("STATE_TABLE"))
                .item(Map.of(
                        "incidentId",
                        AttributeValue.fromS(incidentId),
                        "status",
                        AttributeValue.fromS("CONTEXT_GATHERED"))));
    }
}
