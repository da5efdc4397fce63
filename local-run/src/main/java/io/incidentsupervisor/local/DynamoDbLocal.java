package io.incidentsupervisor.local;

import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.amazonaws.services.dynamodbv2.local.shared.access.sqlite.SQLiteLibraryLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local running in this JVM as an HTTP server on 127.0.0.1 and a free port, so that clients talk to it exactly
 * as they talk to DynamoDB: through the SDK's whole request pipeline. In memory, or persisted in a folder (as the file
 * {@code shared-local-instance.db}). Only local runs and tests use it; the Lambda artifact never contains it.
 */
public final class DynamoDbLocal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbLocal.class);

    private final LocalDynamoDBRequestHandler requestHandler;
    private final Server server;
    private final URI endpoint;

    private DynamoDbLocal(LocalDynamoDBRequestHandler requestHandler) {
        this.requestHandler = requestHandler;
        LocalDynamoDBServerHandler serverHandler = new LocalDynamoDBServerHandler(requestHandler, null);
        // DynamoDBProxyServer binds every interface; its handler is mounted on a connector bound to loopback instead.
        DynamoDBProxyServer unstarted = new DynamoDBProxyServer(0, serverHandler);
        this.server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(unstarted.setUpHandler(serverHandler));
        try {
            server.start();
        } catch (Exception e) {
            requestHandler.shutdown();
            throw new IllegalStateException("DynamoDB Local could not start on 127.0.0.1", e);
        }
        this.endpoint = URI.create("http://127.0.0.1:" + connector.getLocalPort());
        LOG.info("DynamoDB Local on {}", endpoint);
    }

    /** A fresh, empty database that lives as long as this object. */
    public static DynamoDbLocal inMemory() {
        return start(true, null);
    }

    /** A database kept in {@code directory}, created if missing, that survives restarts. */
    public static DynamoDbLocal persistedIn(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the DynamoDB Local folder " + directory, e);
        }
        return start(false, directory.toAbsolutePath().toString());
    }

    private static DynamoDbLocal start(boolean inMemory, String directory) {
        try {
            // Unpacks the sqlite natives bundled in the jar; DynamoDB Local's own entry points do this first too.
            SQLiteLibraryLoader.initialize();
            return new DynamoDbLocal(new LocalDynamoDBRequestHandler(0, inMemory, directory, true, false));
        } catch (Exception e) {
            throw new IllegalStateException(
                    "DynamoDB Local could not open its database" + (directory == null ? "" : " in " + directory), e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client for this server: the URL-connection HTTP client, dummy credentials, and any extra configuration. */
    public DynamoDbClient newClient(ClientOverrideConfiguration overrideConfiguration) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(overrideConfiguration)
                .build();
    }

    public DynamoDbClient newClient() {
        return newClient(ClientOverrideConfiguration.builder().build());
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local's HTTP server did not stop", e);
        } finally {
            shutDownDatabasesNow();
        }
    }

    /**
     * {@link LocalDynamoDBRequestHandler#shutdown()} calls {@code shutdown()} on its databases, whose non-daemon job
     * threads then sleep on for minutes and keep the JVM alive; {@code shutdownNow()} interrupts them. The handler keeps
     * its databases in a private map, hence the reflection.
     */
    @SuppressWarnings("unchecked")
    private void shutDownDatabasesNow() {
        try {
            Field databases = LocalDynamoDBRequestHandler.class.getDeclaredField("dbRequestHandlers");
            databases.setAccessible(true);
            synchronized (requestHandler) {
                ((Map<String, AmazonDynamoDBLocal>) databases.get(requestHandler))
                        .values()
                        .forEach(AmazonDynamoDBLocal::shutdownNow);
            }
        } catch (ReflectiveOperationException e) {
            requestHandler.shutdown();
            throw new IllegalStateException(
                    "This DynamoDB Local version keeps its databases elsewhere; its job threads may linger", e);
        }
    }
}
