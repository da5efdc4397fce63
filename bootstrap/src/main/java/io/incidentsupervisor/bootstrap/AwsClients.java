package io.incidentsupervisor.bootstrap;

import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The SDK clients, built on one HTTP client; endpoints and credentials come from the SDK's own settings. Every call is
 * bounded: each HTTP attempt by {@link #ATTEMPT_TIMEOUT}, the call with its retries by {@link #CALL_TIMEOUT}, so no AWS
 * API, however slow, holds an invocation (or a cut-off collector's thread) for longer. The collectors' clients are built
 * on first use, so what reads only the tables never builds them.
 */
public final class AwsClients {

    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(4);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final SdkHttpClient http = UrlConnectionHttpClient.create();
    private final Region region;
    private final ClientOverrideConfiguration bounded = ClientOverrideConfiguration.builder()
            .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
            .apiCallTimeout(CALL_TIMEOUT)
            .build();
    private final DynamoDbClient dynamoDb;
    private LambdaClient lambda;
    private IamClient iam;
    private CloudWatchLogsClient logs;
    private CloudTrailClient cloudTrail;

    public AwsClients(String region) {
        this.region = Region.of(region);
        this.dynamoDb = bounded(DynamoDbClient.builder(), this.region);
    }

    /** Clients built elsewhere, as tests point them at local stand-ins. */
    public static AwsClients of(
            DynamoDbClient dynamoDb,
            LambdaClient lambda,
            IamClient iam,
            CloudWatchLogsClient logs,
            CloudTrailClient cloudTrail) {
        AwsClients clients = new AwsClients(dynamoDb);
        clients.lambda = lambda;
        clients.iam = iam;
        clients.logs = logs;
        clients.cloudTrail = cloudTrail;
        return clients;
    }

    private AwsClients(DynamoDbClient dynamoDb) {
        this.region = Region.AWS_GLOBAL;
        this.dynamoDb = dynamoDb;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public synchronized LambdaClient lambda() {
        if (lambda == null) {
            lambda = bounded(LambdaClient.builder(), region);
        }
        return lambda;
    }

    /** IAM is global: its endpoint is the same from every region. */
    public synchronized IamClient iam() {
        if (iam == null) {
            iam = bounded(IamClient.builder(), Region.AWS_GLOBAL);
        }
        return iam;
    }

    /** IAM's events are recorded in us-east-1 only, whatever the region. */
    public synchronized CloudTrailClient cloudTrail() {
        if (cloudTrail == null) {
            cloudTrail = bounded(CloudTrailClient.builder(), Region.US_EAST_1);
        }
        return cloudTrail;
    }

    public synchronized CloudWatchLogsClient logs() {
        if (logs == null) {
            logs = bounded(CloudWatchLogsClient.builder(), region);
        }
        return logs;
    }

    /**
     * Sends each request the service makes through its client's whole pipeline (marshalling, endpoint resolution,
     * interceptors) and stops it before it is signed or sent: for priming a snapshot. Anonymous credentials, so the
     * client's own credentials are not resolved (a restored environment gets fresh ones).
     */
    void rehearse() {
        rehearse(() -> dynamoDb.putItem(r -> r.tableName(REHEARSAL_NAME)
                .item(Map.of("id", AttributeValue.fromS(REHEARSAL_NAME)))
                .conditionExpression("attribute_not_exists(id)")
                .overrideConfiguration(REHEARSAL)));
        rehearse(() -> dynamoDb.updateItem(r -> r.tableName(REHEARSAL_NAME)
                .key(Map.of("id", AttributeValue.fromS(REHEARSAL_NAME)))
                .updateExpression("SET n = :n")
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1")))
                .overrideConfiguration(REHEARSAL)));
        rehearse(() -> dynamoDb.query(r -> r.tableName(REHEARSAL_NAME)
                .keyConditionExpression("id = :id")
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(REHEARSAL_NAME)))
                .overrideConfiguration(REHEARSAL)));
        rehearse(() -> dynamoDb.getItem(r -> r.tableName(REHEARSAL_NAME)
                .key(Map.of("id", AttributeValue.fromS(REHEARSAL_NAME)))
                .overrideConfiguration(REHEARSAL)));
        rehearse(() -> dynamoDb.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder()
                        .put(p -> p.tableName(REHEARSAL_NAME).item(Map.of("id", AttributeValue.fromS(REHEARSAL_NAME))))
                        .build())
                .overrideConfiguration(REHEARSAL)));
        rehearse(() -> lambda().getFunctionConfiguration(
                        r -> r.functionName(REHEARSAL_NAME).overrideConfiguration(REHEARSAL)));
        rehearse(() -> lambda().getFunction(r -> r.functionName(REHEARSAL_NAME).overrideConfiguration(REHEARSAL)));
        rehearse(() -> lambda().getFunctionConcurrency(
                        r -> r.functionName(REHEARSAL_NAME).overrideConfiguration(REHEARSAL)));
        rehearse(() -> iam().getRole(r -> r.roleName(REHEARSAL_NAME).overrideConfiguration(REHEARSAL)));
        rehearse(() -> iam().listRolePolicies(r -> r.roleName(REHEARSAL_NAME).overrideConfiguration(REHEARSAL)));
        rehearse(() -> iam().getRolePolicy(r ->
                r.roleName(REHEARSAL_NAME).policyName(REHEARSAL_NAME).overrideConfiguration(REHEARSAL)));
        rehearse(() ->
                iam().listAttachedRolePolicies(r -> r.roleName(REHEARSAL_NAME).overrideConfiguration(REHEARSAL)));
        rehearse(() -> iam().getPolicy(r -> r.policyArn(REHEARSAL_ARN).overrideConfiguration(REHEARSAL)));
        rehearse(() -> iam().getPolicyVersion(
                        r -> r.policyArn(REHEARSAL_ARN).versionId("v1").overrideConfiguration(REHEARSAL)));
        rehearse(() -> iam().simulatePrincipalPolicy(r -> r.policySourceArn(REHEARSAL_ARN)
                .actionNames("s3:GetObject")
                .resourceArns("arn:aws:s3:::rehearsal/key")
                .overrideConfiguration(REHEARSAL)));
        rehearse(() -> logs().describeLogGroups(r ->
                r.logGroupNamePrefix("/aws/lambda/" + REHEARSAL_NAME).overrideConfiguration(REHEARSAL)));
        rehearse(() -> logs().filterLogEvents(r -> r.logGroupName("/aws/lambda/" + REHEARSAL_NAME)
                .startTime(0L)
                .endTime(1L)
                .overrideConfiguration(REHEARSAL)));
        rehearse(() -> cloudTrail()
                .lookupEvents(r -> r.lookupAttributes(LookupAttribute.builder()
                                .attributeKey(LookupAttributeKey.RESOURCE_NAME)
                                .attributeValue(REHEARSAL_NAME)
                                .build())
                        .overrideConfiguration(REHEARSAL)));
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

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C bounded(B builder, Region in) {
        return builder.httpClient(http)
                .region(in)
                .overrideConfiguration(bounded)
                .build();
    }
}
