package io.incidentsupervisor.bootstrap;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The SDK clients, built on one HTTP client; endpoints and credentials come from the SDK's own settings. Every call is
 * bounded: each HTTP attempt by {@link #ATTEMPT_TIMEOUT}, the call with its retries by {@link #CALL_TIMEOUT}, so no AWS
 * API, however slow, holds an invocation (or a cut-off collector's thread) for longer. The collectors' clients are built
 * on first use, so what reads only the tables never builds them.
 */
public final class AwsClients {

    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(4);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    /**
     * The timeouts' timers, one daemon thread for every client: left to itself, the SDK gives each client a pool that
     * grows to five threads (34 threads at the first delivery instead of 14, each with its stack and malloc arena).
     */
    private static final ScheduledExecutorService TIMERS = timers();

    private final SdkHttpClient http = UrlConnectionHttpClient.create();
    private final Region region;
    private final ClientOverrideConfiguration bounded = ClientOverrideConfiguration.builder()
            .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
            .apiCallTimeout(CALL_TIMEOUT)
            .scheduledExecutorService(TIMERS)
            .build();
    private final DynamoDbClient dynamoDb;
    private LambdaClient lambda;
    private IamClient iam;
    private CloudWatchLogsClient logs;
    private CloudTrailClient cloudTrail;
    private CloudTrailClient cloudTrailHome;
    private S3Client s3;
    private EventBridgeClient eventBridge;
    private SnsClient sns;

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
        clients.cloudTrailHome = cloudTrail;
        return clients;
    }

    private AwsClients(DynamoDbClient dynamoDb) {
        this.region = Region.AWS_GLOBAL;
        this.dynamoDb = dynamoDb;
    }

    /** The one HTTP client under every SDK client, for a request the SDK has no operation for (a signed MCP call). */
    public SdkHttpClient http() {
        return http;
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

    /** The functions' own events (Lambda, S3, KMS, SQS, SNS) are recorded in their Region. */
    public synchronized CloudTrailClient cloudTrailHome() {
        if (cloudTrailHome == null) {
            cloudTrailHome =
                    region.equals(Region.US_EAST_1) ? cloudTrail() : bounded(CloudTrailClient.builder(), region);
        }
        return cloudTrailHome;
    }

    /** The bucket-policy reader: most denials never need it, so it is built on first use. */
    public synchronized S3Client s3() {
        if (s3 == null) {
            // A bucket in another Region answers with a redirect the client then follows.
            s3 = bounded(S3Client.builder().crossRegionAccessEnabled(true), region);
        }
        return s3;
    }

    public synchronized EventBridgeClient eventBridge() {
        if (eventBridge == null) {
            eventBridge = bounded(EventBridgeClient.builder(), region);
        }
        return eventBridge;
    }

    public synchronized SnsClient sns() {
        if (sns == null) {
            sns = bounded(SnsClient.builder(), region);
        }
        return sns;
    }

    public synchronized CloudWatchLogsClient logs() {
        if (logs == null) {
            logs = bounded(CloudWatchLogsClient.builder(), region);
        }
        return logs;
    }

    private static ScheduledExecutorService timers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "aws-call-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        timers.setRemoveOnCancelPolicy(true); // a call that ends in time cancels its timer
        return timers;
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C bounded(B builder, Region in) {
        return builder.httpClient(http)
                .region(in)
                .overrideConfiguration(bounded)
                .build();
    }
}
