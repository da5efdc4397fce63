package io.incidentsupervisor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.domain.port.CollectorRegistry;
import io.incidentsupervisor.domain.port.ContextCollector;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

class ContextCollectorsTest {

    private final CollectorRegistry registry = ContextCollectors.registry(
            LambdaClient.builder()
                    .region(Region.EU_WEST_1)
                    .credentialsProvider(AnonymousCredentialsProvider.create())
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .build(),
            IamClient.builder()
                    .region(Region.AWS_GLOBAL)
                    .credentialsProvider(AnonymousCredentialsProvider.create())
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .build(),
            CloudWatchLogsClient.builder()
                    .region(Region.EU_WEST_1)
                    .credentialsProvider(AnonymousCredentialsProvider.create())
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .build(),
            Map.of(),
            Duration.ofMinutes(10),
            Duration.ofMinutes(1));

    @Test
    void accessErrorsGetConfigurationThenLogsThenTheRole() {
        assertThat(registry.collectorsFor("S3AccessError"))
                .extracting(ContextCollector::name)
                .containsExactly("lambda-configuration", "cloudwatch-logs", "iam-role");
        assertThat(registry.collectorsFor("CloudWatchAccessError"))
                .extracting(ContextCollector::name)
                .containsExactly("lambda-configuration", "cloudwatch-logs", "iam-role");
    }

    @Test
    void anyOtherTypeGetsTheConfigurationOnly() {
        assertThat(registry.collectorsFor("DynamoDBThrottled"))
                .extracting(ContextCollector::name)
                .containsExactly("lambda-configuration");
    }

    @Test
    void theTrimOrderIsLogsThenRoleThenConfiguration() {
        assertThat(registry.collectorsFor("S3AccessError"))
                .extracting(ContextCollector::name, ContextCollector::trimOrder)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("lambda-configuration", 3),
                        org.assertj.core.groups.Tuple.tuple("cloudwatch-logs", 1),
                        org.assertj.core.groups.Tuple.tuple("iam-role", 2));
    }
}
