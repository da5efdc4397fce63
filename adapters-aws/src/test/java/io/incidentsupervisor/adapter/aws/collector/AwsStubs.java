package io.incidentsupervisor.adapter.aws.collector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.incidentsupervisor.local.SampleAccount;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * AWS APIs without a local emulator, served on loopback by WireMock in their real wire formats, and the real SDK clients
 * pointed at it. Retries are off so that a throttling answer reaches the collector at once.
 */
public final class AwsStubs implements AutoCloseable {

    static final String ACCOUNT = "123456789012";

    public final WireMockServer server;
    private final List<ExecutionInterceptor> interceptors = new ArrayList<>();

    /** Answers nothing until a test stubs it. */
    public AwsStubs() {
        this(options().bindAddress("127.0.0.1").dynamicPort());
    }

    private AwsStubs(WireMockConfiguration configuration) {
        server = new WireMockServer(configuration);
        server.start();
    }

    /** Answers as the sample account does ({@link SampleAccount}'s recordings); a test may stub more on top. */
    public static AwsStubs sampleAccount() {
        return new AwsStubs(
                options().bindAddress("127.0.0.1").dynamicPort().usingFilesUnderClasspath(SampleAccount.RECORDINGS));
    }

    /** Every client built from here on also runs {@code interceptor} (e.g. a request counter). */
    public AwsStubs intercepting(ExecutionInterceptor interceptor) {
        interceptors.add(interceptor);
        return this;
    }

    private void configure(ClientOverrideConfiguration.Builder configuration) {
        configuration.retryStrategy(AwsRetryStrategy.doNotRetry()).executionInterceptors(List.copyOf(interceptors));
    }

    /** The supervisor's role may not list the function role's attached policies: IAM answers AccessDenied. */
    public AwsStubs denyListingAttachedRolePolicies() {
        server.stubFor(post(urlEqualTo("/"))
                .atPriority(1)
                .withRequestBody(containing("Action=ListAttachedRolePolicies"))
                .willReturn(iamError(
                        403,
                        "AccessDenied",
                        notAuthorized("iam:ListAttachedRolePolicies", "role data-processor-role"))));
        return this;
    }

    public LambdaClient lambda() {
        return LambdaClient.builder()
                .endpointOverride(endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(this::configure)
                .build();
    }

    public IamClient iam() {
        return IamClient.builder()
                .endpointOverride(endpoint())
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(this::configure)
                .build();
    }

    /** CloudTrail as the supervisor reaches it for IAM events: in us-east-1. */
    public CloudTrailClient cloudTrail() {
        return CloudTrailClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(this::configure)
                .build();
    }

    /** S3 addressed by path, as a stand-in on loopback needs. */
    public S3Client s3() {
        return S3Client.builder()
                .endpointOverride(endpoint())
                .forcePathStyle(true)
                .region(Region.EU_WEST_1)
                .credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(this::configure)
                .build();
    }

    public CloudWatchLogsClient logs() {
        return CloudWatchLogsClient.builder()
                .endpointOverride(endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(this::configure)
                .build();
    }

    /** A restJson error as Lambda sends it: the error type in a header, the message in the body. */
    public static ResponseDefinitionBuilder lambdaError(int status, String type, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", type + ":")
                .withHeader("x-amzn-RequestId", "c1a2b3c4-0000-4000-8000-000000000001")
                .withBody("{\"Type\":\"User\",\"message\":\"" + message + "\"}");
    }

    /** An awsQuery error as IAM sends it. */
    public static ResponseDefinitionBuilder iamError(int status, String code, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "text/xml")
                .withBody(
                        "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>"
                                + code + "</Code><Message>" + message
                                + "</Message></Error><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ErrorResponse>");
    }

    /** An awsQuery success document wrapping {@code result} for {@code action}. */
    public static ResponseDefinitionBuilder iamOk(String action, String result) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/xml")
                .withBody("<" + action + "Response xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><" + action
                        + "Result>" + result + "</" + action
                        + "Result><ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata></"
                        + action
                        + "Response>");
    }

    /** An awsJson1.1 error as CloudWatch Logs sends it. */
    public static ResponseDefinitionBuilder logsError(int status, String type, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
    }

    public static ResponseDefinitionBuilder logsOk(String json) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody(json);
    }

    public static String notAuthorized(String action, String resource) {
        return "User: arn:aws:sts::" + ACCOUNT
                + ":assumed-role/incident-supervisor-role/incident-supervisor is not authorized to perform: " + action
                + " on resource: " + resource + " because no identity-based policy allows the " + action + " action";
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
    }

    @Override
    public void close() {
        server.stop();
    }

    /** A managed policy as IAM serves it: {@code GetPolicy} names {@code version}, {@code GetPolicyVersion} holds it. */
    public static void stubManagedPolicy(WireMockServer server, String arn, String version, String document) {
        String encodedArn = URLEncoder.encode(arn, StandardCharsets.UTF_8);
        server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=GetPolicy&"))
                .withRequestBody(containing("PolicyArn=" + encodedArn))
                .willReturn(iamOk("GetPolicy", policy(arn, version))));
        server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=GetPolicyVersion"))
                .withRequestBody(containing("PolicyArn=" + encodedArn))
                .willReturn(iamOk(
                        "GetPolicyVersion",
                        "<PolicyVersion><Document>" + URLEncoder.encode(document, StandardCharsets.UTF_8)
                                + "</Document>"
                                + "<VersionId>" + version + "</VersionId><IsDefaultVersion>true</IsDefaultVersion>"
                                + "<CreateDate>2026-11-01T09:00:00Z</CreateDate></PolicyVersion>")));
    }

    public static String policy(String arn, String version) {
        return "<Policy><PolicyName>" + arn.substring(arn.lastIndexOf('/') + 1) + "</PolicyName>"
                + "<DefaultVersionId>" + version + "</DefaultVersionId><PolicyId>ANPA4EXAMPLE</PolicyId><Path>/</Path>"
                + "<Arn>" + arn + "</Arn><AttachmentCount>1</AttachmentCount><IsAttachable>true</IsAttachable>"
                + "<CreateDate>2026-01-05T10:00:00Z</CreateDate><UpdateDate>2026-11-01T09:00:00Z</UpdateDate></Policy>";
    }
}
