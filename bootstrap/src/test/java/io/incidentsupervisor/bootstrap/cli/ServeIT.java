package io.incidentsupervisor.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code supervisor serve} as its own process: where it listens, what it answers, and how it stops on Ctrl-C. */
class ServeIT {

    private static final Path SCRIPT = Path.of("../supervisor").toAbsolutePath().normalize();
    private static final Pattern SERVING = Pattern.compile("Serving incidents on http://([0-9.]+):(\\d+)/");

    @TempDir
    Path home;

    @Test
    void itListensOnLoopbackOnlyAnswersWithItsPolicyAndStopsCleanlyOnSigint() throws Exception {
        Path err = home.resolve("err.txt");
        ProcessBuilder builder =
                new ProcessBuilder(SCRIPT.toString(), "serve", "--port", "0").redirectError(err.toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("AWS_"));
        builder.environment().put("SUPERVISOR_HOME", home.toString());
        Process serve = builder.start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            Matcher serving = SERVING.matcher(String.valueOf(line));
            assertThat(serving.find()).as(line + " / " + Files.readString(err)).isTrue();
            assertThat(serving.group(1)).isEqualTo("127.0.0.1");
            int port = Integer.parseInt(serving.group(2));

            assertThat(listeningAddresses(port))
                    .as("the sockets listening on port " + port + " (/proc/net/tcp and tcp6)")
                    .containsExactly("127.0.0.1");

            HttpURLConnection page = (HttpURLConnection)
                    URI.create("http://127.0.0.1:" + port + "/").toURL().openConnection();
            assertThat(page.getResponseCode()).isEqualTo(200);
            assertThat(page.getHeaderField("Content-Security-Policy")).startsWith("default-src 'none';");
            assertThat(new String(page.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("No incidents.");

            Process interrupt = new ProcessBuilder("kill", "-INT", Long.toString(serve.pid())).start();
            assertThat(interrupt.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS))
                    .as("stopped after SIGINT")
                    .isTrue();
            assertThat(serve.exitValue()).as("the JVM's exit status for SIGINT").isEqualTo(130);
            assertThat(Files.readString(err)).contains("Stopped serving.").doesNotContain("Exception");
            try (ServerSocket again = new ServerSocket(port)) {
                assertThat(again.getLocalPort()).as("the port is free again").isEqualTo(port);
            }
        } finally {
            serve.destroyForcibly();
        }
    }

    /** The local addresses of the sockets in LISTEN state (0A) on {@code port}, as the kernel reports them. */
    private static List<String> listeningAddresses(int port) throws Exception {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        List<String> addresses = new java.util.ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String row : Files.readAllLines(Path.of(table))
                    .subList(1, Files.readAllLines(Path.of(table)).size())) {
                String[] fields = row.trim().split("\\s+", -1);
                if (fields[1].endsWith(hexPort) && fields[3].equals("0A")) {
                    addresses.add(address(fields[1].substring(0, fields[1].indexOf(':'))));
                }
            }
        }
        return addresses;
    }

    /**
     * /proc/net/tcp writes IPv4 addresses as one little-endian hex word; IPv6 as four, where Java's dual-stack socket
     * shows an IPv4 address mapped ({@code ::ffff:a.b.c.d}, its last word).
     */
    private static String address(String hex) {
        if (hex.startsWith("0000000000000000FFFF0000")) {
            return address(hex.substring(24));
        }
        if (hex.length() == 8) {
            long word = Long.parseLong(hex, 16);
            return (word & 0xFF) + "." + (word >> 8 & 0xFF) + "." + (word >> 16 & 0xFF) + "." + (word >> 24 & 0xFF);
        }
        return hex.equals("00000000000000000000000000000000") ? "::" : "ipv6:" + hex;
    }
}
