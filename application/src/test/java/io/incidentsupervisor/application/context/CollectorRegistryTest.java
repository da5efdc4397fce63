package io.incidentsupervisor.application.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentsupervisor.application.port.out.ContextCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollectorRegistryTest {

    private static final ContextCollector LAMBDA = named("lambda-configuration");
    private static final ContextCollector LOGS = named("cloudwatch-logs");
    private static final ContextCollector IAM = named("iam-role");

    private final CollectorRegistry registry = CollectorRegistry.builder()
            .everyErrorType(LAMBDA)
            .errorType("S3AccessError", LOGS, IAM)
            .errorType("CloudWatchAccessError", LOGS, IAM)
            .build();

    @Test
    void eachErrorTypeGetsTheDefaultsThenItsOwnCollectorsInOrder() {
        assertThat(registry.collectorsFor("S3AccessError")).containsExactly(LAMBDA, LOGS, IAM);
        assertThat(registry.collectorsFor("CloudWatchAccessError")).containsExactly(LAMBDA, LOGS, IAM);
    }

    @Test
    void anUnknownTypeGetsTheDefaultsOnly() {
        assertThat(registry.collectorsFor("DynamoDBThrottled")).containsExactly(LAMBDA);
    }

    @Test
    void aNewCollectorNeedsOneRegistrationLine() {
        ContextCollector cloudTrail = named("cloudtrail");
        CollectorRegistry extended = CollectorRegistry.builder()
                .everyErrorType(LAMBDA)
                .errorType("S3AccessError", LOGS, IAM)
                .errorType("S3AccessError", cloudTrail)
                .build();

        assertThat(extended.collectorsFor("S3AccessError")).containsExactly(LAMBDA, LOGS, IAM, cloudTrail);
        assertThat(extended.collectorsFor("Other")).containsExactly(LAMBDA);
    }

    @Test
    void aCollectorRegisteredTwiceForOneTypeRunsOnce() {
        CollectorRegistry twice = CollectorRegistry.builder()
                .everyErrorType(LAMBDA)
                .errorType("S3AccessError", LAMBDA, LOGS)
                .build();
        assertThat(twice.collectorsFor("S3AccessError")).containsExactly(LAMBDA, LOGS);
    }

    @Test
    void twoCollectorsWithOneNameAreRefused() {
        assertThatThrownBy(() -> CollectorRegistry.builder()
                        .everyErrorType(LAMBDA, named("lambda-configuration"))
                        .build())
                .hasMessageContaining("Two collectors are named lambda-configuration");
    }

    @Test
    void theTrimOrderIsDeclaredWhereTheCollectorsAreRegistered() {
        CollectorRegistry ordered = CollectorRegistry.builder()
                .everyErrorType(LAMBDA)
                .errorType("S3AccessError", LOGS, IAM)
                .trimFirstToLast(List.of(LOGS.name(), IAM.name(), LAMBDA.name()))
                .build();
        assertThat(ordered.trimOrder()).containsExactly("cloudwatch-logs", "iam-role", "lambda-configuration");
        assertThat(registry.trimOrder())
                .as("undeclared: every collector is cut last")
                .isEmpty();
    }

    @Test
    void theTrimOrderNamesRegisteredCollectorsOnlyAndEachOnce() {
        assertThatThrownBy(() -> CollectorRegistry.builder()
                        .everyErrorType(LAMBDA)
                        .trimFirstToLast(List.of(LOGS.name(), LAMBDA.name()))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("registered collectors");
        assertThatThrownBy(() -> CollectorRegistry.builder()
                        .everyErrorType(LAMBDA)
                        .trimFirstToLast(List.of(LAMBDA.name(), LAMBDA.name()))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("each once");
    }

    private static ContextCollector named(String name) {
        return StubCollector.named(name);
    }
}
