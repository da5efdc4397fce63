package io.incidentsupervisor.bootstrap;

import io.incidentsupervisor.adapter.aws.collector.CloudWatchLogsCollector;
import io.incidentsupervisor.adapter.aws.collector.IamRoleCollector;
import io.incidentsupervisor.adapter.aws.collector.LambdaConfigurationCollector;
import io.incidentsupervisor.domain.port.CollectorRegistry;
import io.incidentsupervisor.domain.port.ContextCollector;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Which collectors run for which error type. A new collector is one class and one line here. */
final class ContextCollectors {

    private ContextCollectors() {}

    static CollectorRegistry registry(
            LambdaClient lambda,
            IamClient iam,
            CloudWatchLogsClient logs,
            Map<String, String> logGroupOverrides,
            Duration logWindowBefore,
            Duration logWindowAfter) {
        ContextCollector configuration = new LambdaConfigurationCollector(lambda);
        ContextCollector recentLogs =
                new CloudWatchLogsCollector(logs, logGroupOverrides, logWindowBefore, logWindowAfter);
        ContextCollector role = new IamRoleCollector(lambda, iam);
        return CollectorRegistry.builder()
                .everyErrorType(configuration)
                .errorType("S3AccessError", recentLogs, role)
                .errorType("CloudWatchAccessError", recentLogs, role)
                .build();
    }
}
