package io.incidentsupervisor.local;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sample AWS account on loopback, answering Lambda, IAM and CloudWatch Logs in their real wire formats from recorded
 * responses (classpath {@code sample-account/}): {@code data-processor}, whose role just lost its S3 permissions, with
 * its configuration, policies and recent logs.
 */
public final class SampleAccount implements AutoCloseable {

    public static final String REGION = "eu-west-1";
    public static final String FUNCTION = "data-processor";
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
