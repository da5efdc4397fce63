package io.incidentsupervisor.bootstrap;

import io.incidentsupervisor.adapter.aws.collector.CloudWatchLogsCollector;
import io.incidentsupervisor.adapter.aws.collector.IamRoleCollector;
import io.incidentsupervisor.adapter.aws.collector.LambdaConfigurationCollector;
import io.incidentsupervisor.application.context.CollectorRegistry;
import io.incidentsupervisor.application.port.out.ContextCollector;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which collectors run for which error type, and whose evidence is cut first. A new collector is one class and one line here. */
final class ContextCollectors {

    private static final Logger LOG = LoggerFactory.getLogger(ContextCollectors.class);

    /** Whose evidence the budget cuts first: logs are the most repetitive evidence, the configuration the least. */
    public static final List<String> TRIM_ORDER =
            List.of(CloudWatchLogsCollector.NAME, IamRoleCollector.NAME, LambdaConfigurationCollector.NAME);

    private ContextCollectors() {}

    static CollectorRegistry registry(AwsClients clients, Settings settings) {
        ContextCollector configuration = new LambdaConfigurationCollector(clients.lambda());
        ContextCollector recentLogs = new CloudWatchLogsCollector(
                clients.logs(), settings.logGroupOverrides(), settings.logWindowBefore(), settings.logWindowAfter());
        ContextCollector role = new IamRoleCollector(clients.lambda(), clients.iam());
        CollectorRegistry registry = CollectorRegistry.builder()
                .everyErrorType(configuration)
                .errorType("S3AccessError", recentLogs, role)
                .errorType("CloudWatchAccessError", recentLogs, role)
                .trimFirstToLast(TRIM_ORDER)
                .build();
        LOG.info("Context collectors registered: {}", registry.trimOrder());
        return registry;
    }
}
