package io.incidentsupervisor.local;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sample AWS account on loopback, answering Lambda, IAM and CloudWatch Logs in their real wire formats from recorded
 * responses (classpath {@code sample-account/}): {@code data-processor}, whose role's inline policy was just replaced
 * without its S3 statement, and {@code order-exporter} and {@code invoice-sender}, whose roles share the
 * customer-managed policy {@code orders-read}, which got a new default version without it: one change breaking two
 * functions. Each with its configuration, policies, recent logs and CloudTrail history.
 */
public final class SampleAccount implements AutoCloseable {

    public static final String REGION = "eu-west-1";
    public static final String FUNCTION = "data-processor";
    /** The second scenario's function: a managed policy's new default version broke it. */
    public static final String MANAGED_POLICY_FUNCTION = "order-exporter";
    /** The other function the same managed-policy change broke. */
    public static final String SHARED_POLICY_FUNCTION = "invoice-sender";
    /** The classpath folder of the recorded responses, in WireMock's layout ({@code mappings/}, {@code __files/}). */
    public static final String RECORDINGS = "sample-account";

    private static final Logger LOG = LoggerFactory.getLogger(SampleAccount.class);

    private final WireMockServer server = new WireMockServer(options()
            .bindAddress("127.0.0.1")
            .dynamicPort()
            .usingFilesUnderClasspath(RECORDINGS)
            .disableRequestJournal());

    public SampleAccount() {
        server.start();
        LOG.info("Sample account (WireMock) answering Lambda, IAM and CloudWatch Logs on {}", endpoint());
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    @Override
    public void close() {
        server.stop();
    }
}
