package io.incidentsupervisor.adapter.mcp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** {@link StreamableHttp} on 127.0.0.1 only, with the JDK's HTTP server: {@code supervisor mcp --http}. */
public final class LoopbackMcpServer implements AutoCloseable {

    /** Requests served at once; the tools are short reads of the store. */
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService workers;

    private LoopbackMcpServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /** Port 0 picks a free port. */
    public static LoopbackMcpServer start(int port, StreamableHttp http) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService workers = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "mcp-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.createContext("/", exchange -> serve(exchange, http));
        server.start();
        return new LoopbackMcpServer(server, workers);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops taking requests, lets those under way finish for up to a second, then stops. */
    @Override
    public void close() {
        server.stop(1);
        workers.shutdown();
        try {
            workers.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void serve(HttpExchange exchange, StreamableHttp http) throws IOException {
        try (exchange) {
            StreamableHttp.Response response = http.answer(new StreamableHttp.Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    name -> Optional.ofNullable(exchange.getRequestHeaders().getFirst(name)),
                    bounded(exchange.getRequestBody())));
            for (Map.Entry<String, String> header : response.headers().entrySet()) {
                exchange.getResponseHeaders().set(header.getKey(), header.getValue());
            }
            if (response.body() == null) {
                exchange.sendResponseHeaders(response.status(), -1);
                return;
            }
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * At most one byte more than {@link StreamableHttp#MAX_REQUEST_BYTES}, enough to tell that a body is too large; the
     * rest is read and dropped, so the client, still sending, gets the 413 instead of a closed connection.
     */
    private static String bounded(InputStream body) throws IOException {
        try (body) {
            byte[] kept = body.readNBytes(StreamableHttp.MAX_REQUEST_BYTES + 1);
            body.transferTo(OutputStream.nullOutputStream());
            return new String(kept, StandardCharsets.UTF_8);
        }
    }
}
