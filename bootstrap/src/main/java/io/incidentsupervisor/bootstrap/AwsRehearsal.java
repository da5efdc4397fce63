package io.incidentsupervisor.bootstrap;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Runs each request the service makes through its client's whole pipeline (marshalling, endpoint resolution,
 * interceptors) and stops it before it is signed or sent: for priming a snapshot. Anonymous credentials, so the
 * client's own credentials are not resolved (a restored environment gets fresh ones).
 */
final class AwsRehearsal {

    private static final String REHEARSAL_NAME = "rehearsal";
    private static final String REHEARSAL_ARN = "arn:aws:iam::123456789012:policy/rehearsal";
    private static final ExecutionInterceptor STOP_BEFORE_SENDING = new ExecutionInterceptor() {
        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            throw new Rehearsed();
        }
    };
    private static final AwsRequestOverrideConfiguration REHEARSAL = AwsRequestOverrideConfiguration.builder()
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .addPlugin(client -> client.overrideConfiguration(client.overrideConfiguration().toBuilder()
                    .addExecutionInterceptor(STOP_BEFORE_SENDING)
                    .build()))
            .build();

    private AwsRehearsal() {}

    /** The one request the MCP function makes: a query (its role may make no other, IamMatchesCodeTest). */
    static void query(AwsClients clients) {
        rehearse(() -> clients.dynamoDb()
                .query(r -> r.tableName(REHEARSAL_NAME)
                        .keyConditionExpression("id = :id")
                        .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(REHEARSAL_NAME)))
                        .overrideConfiguration(REHEARSAL)));
    }

    static void run(AwsClients clients) {
        rehearse(() -> clients.dynamoDb()
                .putItem(r -> r.tableName(REHEARSAL_NAME)
                        .item(Map.of("id", AttributeValue.fromS(REHEARSAL_NAME)))
                        .conditionExpression("attribute_not_exists(id)")
                        .overrideConfiguration(REHEARSAL)));
        rehearse(() -> clients.dynamoDb()
                .updateItem(r -> r.tableName(REHEARSAL_NAME)
                        .key(Map.of("id", AttributeValue.fromS(REHEARSAL_NAME)))
                        .updateExpression("SET n = :n")
                        .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1")))
                        .overrideConfiguration(REHEARSAL)));
        query(clients);
        rehearse(() -> clients.dynamoDb()
                .getItem(r -> r.tableName(REHEARSAL_NAME)
                        .key(Map.of("id", AttributeValue.fromS(REHEARSAL_NAME)))
                        .overrideConfiguration(REHEARSAL)));
        rehearse(() -> clients.dynamoDb()
                .transactWriteItems(r -> r.transactItems(TransactWriteItem.builder()
                                .put(p -> p.tableName(REHEARSAL_NAME)
                                        .item(Map.of("id", AttributeValue.fromS(REHEARSAL_NAME))))
                                .build())
                        .overrideConfiguration(REHEARSAL)));
        rehearse(() -> clients.lambda()
                .getFunctionConfiguration(r -> r.functionName(REHEARSAL_NAME).overrideConfiguration(REHEARSAL)));
        rehearse(() ->
                clients.lambda().getFunction(r -> r.functionName(REHEARSAL_NAME).overrideConfiguration(REHEARSAL)));
        rehearse(() -> clients.lambda()
                .getFunctionConcurrency(r -> r.functionName(REHEARSAL_NAME).overrideConfiguration(REHEARSAL)));
        rehearse(() -> clients.iam().getRole(r -> r.roleName(REHEARSAL_NAME).overrideConfiguration(REHEARSAL)));
        rehearse(() ->
                clients.iam().listRolePolicies(r -> r.roleName(REHEARSAL_NAME).overrideConfiguration(REHEARSAL)));
        rehearse(() -> clients.iam()
                .getRolePolicy(r ->
                        r.roleName(REHEARSAL_NAME).policyName(REHEARSAL_NAME).overrideConfiguration(REHEARSAL)));
        rehearse(() -> clients.iam()
                .listAttachedRolePolicies(r -> r.roleName(REHEARSAL_NAME).overrideConfiguration(REHEARSAL)));
        rehearse(() -> clients.iam().getPolicy(r -> r.policyArn(REHEARSAL_ARN).overrideConfiguration(REHEARSAL)));
        rehearse(() -> clients.iam()
                .getPolicyVersion(
                        r -> r.policyArn(REHEARSAL_ARN).versionId("v1").overrideConfiguration(REHEARSAL)));
        rehearse(() -> clients.iam()
                .simulatePrincipalPolicy(r -> r.policySourceArn(REHEARSAL_ARN)
                        .actionNames("s3:GetObject")
                        .resourceArns("arn:aws:s3:::rehearsal/key")
                        .overrideConfiguration(REHEARSAL)));
        rehearse(() -> clients.logs()
                .describeLogGroups(r ->
                        r.logGroupNamePrefix("/aws/lambda/" + REHEARSAL_NAME).overrideConfiguration(REHEARSAL)));
        rehearse(() -> clients.logs()
                .filterLogEvents(r -> r.logGroupName("/aws/lambda/" + REHEARSAL_NAME)
                        .startTime(0L)
                        .endTime(1L)
                        .overrideConfiguration(REHEARSAL)));
        for (CloudTrailClient cloudTrail : List.of(clients.cloudTrail(), clients.cloudTrailHome())) {
            rehearse(() -> cloudTrail.lookupEvents(r -> r.lookupAttributes(LookupAttribute.builder()
                            .attributeKey(LookupAttributeKey.RESOURCE_NAME)
                            .attributeValue(REHEARSAL_NAME)
                            .build())
                    .overrideConfiguration(REHEARSAL)));
        }
    }

    private static void rehearse(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof Rehearsed) {
                    return;
                }
            }
            throw e;
        }
        throw new IllegalStateException("A rehearsed AWS request was not stopped before it was sent");
    }

    /** Thrown where the HTTP request is complete, before signing and sending. */
    private static final class Rehearsed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rehearsed() {
            super("rehearsed, not sent", null, false, false);
        }
    }
}
