package io.incidentsupervisor.bootstrap.cli;

import io.incidentsupervisor.adapter.lambda.AlertMetrics;
import io.incidentsupervisor.bootstrap.AwsClients;
import io.incidentsupervisor.bootstrap.IncidentSupervisor;
import io.incidentsupervisor.bootstrap.Settings;
import io.incidentsupervisor.bootstrap.Stores;
import io.incidentsupervisor.local.DynamoDbLocal;
import io.incidentsupervisor.local.SampleAccount;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * What one command runs on, and no more: the {@link Stores} alone for reads, the whole service for commands that
 * investigate. With {@code AWS_ENDPOINT_URL_DYNAMODB} unset and outside Lambda it runs on the embedded default: DynamoDB
 * Local in this process, persisted under {@code SUPERVISOR_HOME} (default {@code .supervisor}), and, for the whole
 * service, the sample account for every AWS API whose {@code AWS_ENDPOINT_URL_<SERVICE>} is unset. The endpoints reach
 * the SDK through its own system properties, so the clients are built exactly as in Lambda. With {@code
 * AWS_ENDPOINT_URL_DYNAMODB} set it uses the environment as it is, and creates missing tables only on a loopback
 * endpoint.
 */
final class CliRuntime implements AutoCloseable {

    enum Storage {
        PERSISTED,
        IN_MEMORY
    }

    enum Needs {
        /** The tables only: no collectors, no sample account, no Axon command side. */
        STORES,
        /** The whole service. */
        SERVICE
    }

    /** The SDK's endpoint variables the sample account stands in for, and the system properties that stand for them. */
    private static final Map<String, String> SAMPLE_ACCOUNT_ENDPOINTS = Map.of(
            "AWS_ENDPOINT_URL_LAMBDA", "aws.endpointUrlLambda",
            "AWS_ENDPOINT_URL_IAM", "aws.endpointUrlIam",
            "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "aws.endpointUrlCloudWatchLogs",
            "AWS_ENDPOINT_URL_CLOUDTRAIL", "aws.endpointUrlCloudTrail");

    final boolean embedded;
    private final Settings settings;
    private final AwsClients clients;
    private final Stores stores;
    private final IncidentSupervisor service;
    private final List<AutoCloseable> localServers;
    private final Map<String, String> propertiesSet;

    private CliRuntime(
            boolean embedded,
            Settings settings,
            Needs needs,
            List<AutoCloseable> localServers,
            Map<String, String> propertiesSet) {
        this.embedded = embedded;
        this.settings = settings;
        this.localServers = localServers;
        this.propertiesSet = propertiesSet;
        this.clients = new AwsClients(settings.region());
        this.stores = new Stores(settings, clients.dynamoDb());
        this.service = needs == Needs.SERVICE ? new IncidentSupervisor(stores, clients, AlertMetrics.NONE) : null;
    }

    /**
     * @param aws the deployed tables, through the SDK's default credential, region and endpoint settings: nothing local is
     *     started and nothing is created; reads need no {@code SUPERVISED_FUNCTIONS}
     */
    static CliRuntime open(Map<String, String> environment, Storage storage, Needs needs, boolean aws) {
        if (aws) {
            Map<String, String> deployed = new HashMap<>(environment);
            if (!isSet(deployed, "AWS_REGION")) {
                deployed.put(
                        "AWS_REGION",
                        new DefaultAwsRegionProviderChain().getRegion().id());
            }
            Settings settings = needs == Needs.STORES ? Settings.forReading(deployed) : Settings.from(deployed);
            return new CliRuntime(false, settings, needs, List.of(), Map.of());
        }
        if (isSet(environment, "AWS_ENDPOINT_URL_DYNAMODB") || isSet(environment, "AWS_LAMBDA_FUNCTION_NAME")) {
            CliRuntime runtime = new CliRuntime(false, Settings.from(environment), needs, List.of(), Map.of());
            if (isLoopback(environment.get("AWS_ENDPOINT_URL_DYNAMODB"))) {
                // A DynamoDB Local of the user's own; in AWS the stack creates the tables, and verify must find them
                // missing.
                runtime.stores.createTablesIfMissing();
            }
            return runtime;
        }
        Map<String, String> local = new HashMap<>(environment);
        local.putIfAbsent("AWS_REGION", SampleAccount.REGION);
        local.putIfAbsent(
                "SUPERVISED_FUNCTIONS",
                String.join(
                        ",",
                        SampleAccount.FUNCTION,
                        SampleAccount.MANAGED_POLICY_FUNCTION,
                        SampleAccount.SHARED_POLICY_FUNCTION));
        Settings settings = Settings.from(local);

        List<AutoCloseable> servers = new ArrayList<>();
        Map<String, String> properties = new LinkedHashMap<>();
        try {
            DynamoDbLocal dynamoDb = storage == Storage.IN_MEMORY
                    ? DynamoDbLocal.inMemory()
                    : DynamoDbLocal.persistedIn(home(environment).resolve("dynamodb"));
            servers.add(dynamoDb);
            properties.put("aws.endpointUrlDynamoDb", dynamoDb.endpoint().toString());
            if (needs == Needs.SERVICE
                    && SAMPLE_ACCOUNT_ENDPOINTS.keySet().stream().anyMatch(variable -> !isSet(environment, variable))) {
                SampleAccount account = new SampleAccount();
                servers.add(account);
                SAMPLE_ACCOUNT_ENDPOINTS.forEach((variable, property) -> {
                    if (!isSet(environment, variable)) {
                        properties.put(property, account.endpoint().toString());
                    }
                });
            }
            if (!isSet(environment, "AWS_ACCESS_KEY_ID")) {
                properties.put("aws.accessKeyId", "local");
                properties.put("aws.secretAccessKey", "local");
            }
            properties.forEach(System::setProperty);
            CliRuntime runtime = new CliRuntime(true, settings, needs, servers, properties);
            runtime.stores.createTablesIfMissing();
            return runtime;
        } catch (RuntimeException e) {
            closeAll(servers, properties, e);
            throw e;
        }
    }

    Stores stores() {
        return stores;
    }

    /** Where the incidents are read from, in words for a page's header. */
    String description() {
        return embedded
                ? "the embedded DynamoDB Local"
                : "DynamoDB in " + settings.region() + " (table " + settings.stateTable() + ")";
    }

    /** The whole service; only for a runtime opened with {@link Needs#SERVICE}. */
    IncidentSupervisor service() {
        if (service == null) {
            throw new IllegalStateException("This command opened the stores only");
        }
        return service;
    }

    Settings settings() {
        return settings;
    }

    AwsClients clients() {
        return clients;
    }

    static Path home(Map<String, String> environment) {
        return Path.of(isSet(environment, "SUPERVISOR_HOME") ? environment.get("SUPERVISOR_HOME") : ".supervisor");
    }

    private static boolean isLoopback(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            return false;
        }
        String host = URI.create(endpoint.trim()).getHost();
        return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
    }

    private static boolean isSet(Map<String, String> environment, String variable) {
        String value = environment.get(variable);
        return value != null && !value.isBlank();
    }

    @Override
    public void close() {
        RuntimeException failure = new IllegalStateException("Closing the CLI runtime failed");
        if (service != null) {
            try {
                service.close();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
        closeAll(localServers, propertiesSet, failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    private static void closeAll(
            List<AutoCloseable> servers, Map<String, String> properties, RuntimeException failure) {
        for (int i = servers.size() - 1; i >= 0; i--) {
            try {
                servers.get(i).close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
        properties.keySet().forEach(System::clearProperty);
    }
}
