package io.incidentsupervisor.bootstrap.cli.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.application.port.in.ListRootCauses;
import io.incidentsupervisor.application.port.in.RootCauseGroup;
import io.incidentsupervisor.application.port.out.IncidentFilter;
import io.incidentsupervisor.application.port.out.IncidentPage;
import io.incidentsupervisor.bootstrap.Stores;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.IncidentStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code supervisor serve}: the incident list at {@code /}, each incident at {@code /incidents/<id>}, and the incidents
 * grouped by the change that caused them at {@code /causes} (one change at {@code /causes/<event id>}), on the loopback
 * address only — the pages show text from logs and alerts, and nothing here authenticates a reader.
 */
public final class PageServer implements AutoCloseable {

    static final int PAGE_SIZE = 50;
    private static final String INCIDENTS = "/incidents/";
    private static final String CAUSES = "/causes";

    private final HttpServer server;
    private final Stores stores;
    private final String store;
    private final PrintWriter log;
    private final Pages pages = new Pages();

    private PageServer(HttpServer server, Stores stores, String store, PrintWriter log) {
        this.server = server;
        this.stores = stores;
        this.store = store;
        this.log = log;
    }

    /** Port 0 picks a free port; {@code store} says in the list's header where the incidents are read from. */
    public static PageServer start(int port, Stores stores, String store, PrintWriter log) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        PageServer pages = new PageServer(server, stores, store, log);
        server.createContext("/", pages::handle);
        server.start();
        return pages;
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    public static String href(String incidentId) {
        return INCIDENTS + URLEncoder.encode(incidentId, StandardCharsets.UTF_8);
    }

    /** The page of the incidents one CloudTrail change broke. */
    public static String causeHref(String eventId) {
        return CAUSES + "/" + URLEncoder.encode(eventId, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "Only GET is served.", "text/plain");
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (path.equals("/")) {
                send(exchange, 200, list(query), "text/html");
            } else if (path.equals(CAUSES)) {
                send(
                        exchange,
                        200,
                        pages.causes(causes(stores.rootCauses().rootCauses(ListRootCauses.MAX_GROUP))),
                        "text/html");
            } else if (path.startsWith(CAUSES + "/")) {
                String eventId = URLDecoder.decode(path.substring(CAUSES.length() + 1), StandardCharsets.UTF_8);
                List<RootCauseGroup> group =
                        stores.rootCauses().rootCause(eventId).stream().toList();
                if (group.isEmpty()) {
                    send(exchange, 404, "No incident blames " + eventId + ".", "text/plain");
                } else {
                    send(exchange, 200, pages.causes(causes(group)), "text/html");
                }
            } else if (path.startsWith(INCIDENTS)) {
                String id = URLDecoder.decode(path.substring(INCIDENTS.length()), StandardCharsets.UTF_8);
                List<AuditEntry> history = stores.history().history(new IncidentId(id));
                if (history.isEmpty()) {
                    send(exchange, 404, "No incident " + id + " in the event store.", "text/plain");
                } else {
                    IncidentView view =
                            IncidentViews.of(id, history, stores.states().state(new IncidentId(id)), "/");
                    send(exchange, 200, pages.incident(view), "text/html");
                }
            } else {
                send(exchange, 404, "Nothing at " + path + ".", "text/plain");
            }
        } catch (IllegalArgumentException badRequest) {
            send(exchange, 400, badRequest.getMessage(), "text/plain");
        } catch (RuntimeException e) {
            log.println("serve: " + exchange.getRequestURI().getRawPath() + " failed: " + e);
            log.flush();
            send(exchange, 500, "The page could not be read: " + e.getClass().getSimpleName(), "text/plain");
        }
    }

    private String list(Map<String, String> query) {
        String status = query.getOrDefault("status", "");
        String function = query.getOrDefault("function", "");
        String after = query.get("after");
        IncidentPage page = stores.incidents()
                .recent(
                        new IncidentFilter(
                                status.isEmpty() ? null : status(status),
                                function.isEmpty() ? null : function,
                                null,
                                null),
                        after == null ? null : new IncidentId(after),
                        PAGE_SIZE);
        List<ListView.Row> rows = page.incidents().stream()
                .map(row -> new ListView.Row(
                        row.incidentId().value(),
                        href(row.incidentId().value()),
                        IncidentViews.badge(row.status()),
                        row.errorType() == null ? "" : row.errorType(),
                        row.attempt(),
                        row.occurrences(),
                        IncidentViews.utc(row.lastSeen()),
                        IncidentViews.utc(row.updatedAt()),
                        row.error() == null
                                ? ""
                                : row.error().type() + ": " + row.error().message(),
                        row.rootCause() == null ? "" : row.rootCause().eventId(),
                        row.rootCause() == null
                                ? null
                                : causeHref(row.rootCause().eventId())))
                .toList();
        String next = page.next() == null
                ? null
                : "/?status=" + encode(status) + "&function=" + encode(function) + "&after="
                        + encode(page.next().value());
        List<String> statuses =
                Arrays.stream(IncidentStatus.values()).map(Enum::name).toList();
        return pages.list(new ListView(store, statuses, status, function, rows, next));
    }

    private static CausesView causes(List<RootCauseGroup> groups) {
        return new CausesView(groups.stream()
                .map(group -> new CausesView.Group(
                        group.cause().eventId(),
                        group.cause().eventName() + " by " + group.cause().actorArn() + " at "
                                + IncidentViews.utc(group.cause().time()),
                        group.cause().policy(),
                        group.cause().revert(),
                        group.functions(),
                        group.occurrences(),
                        group.atRisk(),
                        group.atRiskFunctions(),
                        group.incidents().stream()
                                .map(member -> new CausesView.Member(
                                        member.incidentId().value(),
                                        href(member.incidentId().value()),
                                        IncidentViews.badge(member.status()),
                                        member.occurrences(),
                                        IncidentViews.utc(member.lastSeen())))
                                .toList()))
                .toList());
    }

    private static IncidentStatus status(String name) {
        try {
            return IncidentStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Unknown status " + name + "; one of " + Arrays.toString(IncidentStatus.values()));
        }
    }

    private void send(HttpExchange exchange, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type + "; charset=utf-8");
        headers.set("Content-Security-Policy", pages.contentSecurityPolicy());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&", -1)) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(key, value);
        }
        return query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
