package io.incidentsupervisor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.application.context.CollectorRegistry;
import io.incidentsupervisor.application.port.out.ContextCollector;
import io.incidentsupervisor.local.SampleAccount;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextCollectorsTest {

    private final CollectorRegistry registry = ContextCollectors.registry(
            new AwsClients(SampleAccount.REGION),
            Settings.from(Map.of("AWS_REGION", SampleAccount.REGION, "SUPERVISED_FUNCTIONS", SampleAccount.FUNCTION)));

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
        assertThat(registry.trimOrder()).containsExactly("cloudwatch-logs", "iam-role", "lambda-configuration");
    }
}
