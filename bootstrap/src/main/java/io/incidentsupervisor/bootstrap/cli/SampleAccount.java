package io.incidentsupervisor.bootstrap.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;

/**
 * A sample AWS account on loopback, answering Lambda, IAM and CloudWatch Logs in their real wire formats from recorded
 * responses (classpath {@code sample-account/}): {@code data-processor}, whose role just lost its S3 permissions, with
 * its configuration, policies and recent logs.
 */
final class SampleAccount implements AutoCloseable {

    static final String REGION = "eu-west-1";
    static final String FUNCTION = "data-processor";

    private final WireMockServer server = new WireMockServer(options()
            .bindAddress("127.0.0.1")
            .dynamicPort()
            .usingFilesUnderClasspath("sample-account")
            .disableRequestJournal());

    SampleAccount() {
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    @Override
    public void close() {
        server.stop();
    }
}
