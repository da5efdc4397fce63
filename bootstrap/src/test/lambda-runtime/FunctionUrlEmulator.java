import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Stands in for a Lambda function URL in front of the Lambda Java runtime: on a JVM whose class path holds only the
 * function's jar, it loads the handler by name and serves HTTP on 127.0.0.1. Each request becomes the event a function
 * URL sends (payload format 2.0: lower-case headers joined by commas, the caller's IAM identity, the body as text or
 * base64), read with the runtime's own serializer into the handler's input type; the handler's answer, serialized as
 * the runtime does, becomes the HTTP response. Prints {@code LISTENING <port>}. Run as a single source file.
 *
 * <p>Arguments: handler class, aws-lambda-java-serialization jar.
 */
public final class FunctionUrlEmulator {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    public static void main(String[] args) throws Exception {
        ClassLoader function = ClassLoader.getSystemClassLoader();
        Class<?> handlerType = Class.forName(args[0], true, function);
        Object handler = handlerType.getDeclaredConstructor().newInstance();
        Method handleRequest = Arrays.stream(handlerType.getMethods())
                .filter(m -> m.getName().equals("handleRequest") && m.getParameterCount() == 2 && !m.isBridge())
                .findFirst()
                .orElseThrow();
        URLClassLoader runtime =
                new URLClassLoader(new URL[] {Path.of(args[1]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Class<?> serializerType =
                runtime.loadClass("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer");
        Object input = runtime.loadClass(
                        "com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers")
                .getMethod("serializerFor", Class.class, ClassLoader.class)
                .invoke(null, handleRequest.getParameterTypes()[0], function);
        Object jackson = runtime.loadClass(
                        "com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory")
                .getMethod("getInstance")
                .invoke(null);
        Object output = jackson.getClass()
                .getMethod("getSerializer", java.lang.reflect.Type.class)
                .invoke(jackson, handleRequest.getGenericReturnType());
        Class<?> contextType = Class.forName("com.amazonaws.services.lambda.runtime.Context", false, function);
        Object mapper = jackson.getClass().getMethod("getMapper").invoke(jackson);

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String event = event(exchange, mapper);
                Object request = serializerType
                        .getMethod("fromJson", java.io.InputStream.class)
                        .invoke(input, new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
                String requestId = UUID.randomUUID().toString();
                Object context = Proxy.newProxyInstance(
                        function,
                        new Class<?>[] {contextType},
                        (proxy, method, arguments) -> switch (method.getName()) {
                            case "getAwsRequestId" -> requestId;
                            case "getRemainingTimeInMillis" -> 30_000;
                            case "getFunctionName" -> "incident-supervisor-mcp";
                            default -> null;
                        });
                ByteArrayOutputStream answer = new ByteArrayOutputStream();
                serializerType
                        .getMethod("toJson", Object.class, OutputStream.class)
                        .invoke(output, handleRequest.invoke(handler, request, context), answer);
                respond(exchange, mapper, answer.toByteArray());
            } catch (Exception e) {
                // As a function URL answers when the function fails.
                byte[] body = "{\"Message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8);
                e.printStackTrace();
                exchange.sendResponseHeaders(502, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        System.out.println("LISTENING " + server.getAddress().getPort());
    }

    /** The request as a function URL hands it to the function. */
    private static String event(HttpExchange exchange, Object mapper) throws Exception {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        boolean text = contentType != null && contentType.startsWith("application/json");
        Map<String, String> headers = new java.util.TreeMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        headers.put("x-forwarded-proto", "https");
        headers.put("x-amzn-trace-id", "Root=1-00000000-000000000000000000000000");
        long now = System.currentTimeMillis();
        Map<String, Object> http = Map.of(
                "method", exchange.getRequestMethod(),
                "path", exchange.getRequestURI().getPath(),
                "protocol", "HTTP/1.1",
                "sourceIp", "127.0.0.1",
                "userAgent", headers.getOrDefault("user-agent", ""));
        Map<String, Object> iam = new java.util.LinkedHashMap<>();
        iam.put("accessKey", "ASIAEXAMPLEEXAMPLE12");
        iam.put("accountId", "123456789012");
        iam.put("callerId", "AROAEXAMPLEEXAMPLE123:agent");
        iam.put("cognitoIdentity", null);
        iam.put("principalOrgId", null);
        iam.put("userArn", "arn:aws:sts::123456789012:assumed-role/devops-agent-role/agent");
        iam.put("userId", "AROAEXAMPLEEXAMPLE123:agent");
        Map<String, Object> requestContext = new java.util.LinkedHashMap<>();
        requestContext.put("accountId", "123456789012");
        requestContext.put("apiId", "emulatedurlid");
        requestContext.put("authorizer", Map.of("iam", iam));
        requestContext.put("domainName", "emulatedurlid.lambda-url.eu-west-1.on.aws");
        requestContext.put("domainPrefix", "emulatedurlid");
        requestContext.put("http", http);
        requestContext.put("requestId", UUID.randomUUID().toString());
        requestContext.put("routeKey", "$default");
        requestContext.put("stage", "$default");
        requestContext.put("time", TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        requestContext.put("timeEpoch", now);
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", exchange.getRequestURI().getPath());
        event.put(
                "rawQueryString",
                exchange.getRequestURI().getRawQuery() == null
                        ? ""
                        : exchange.getRequestURI().getRawQuery());
        event.put("headers", headers);
        event.put("requestContext", requestContext);
        if (body.length > 0) {
            event.put(
                    "body",
                    text
                            ? new String(body, StandardCharsets.UTF_8)
                            : java.util.Base64.getEncoder().encodeToString(body));
        }
        event.put("isBase64Encoded", body.length > 0 && !text);
        return (String)
                mapper.getClass().getMethod("writeValueAsString", Object.class).invoke(mapper, event);
    }

    /** The handler's {statusCode, headers, body, isBase64Encoded} as the HTTP response. */
    @SuppressWarnings("unchecked")
    private static void respond(HttpExchange exchange, Object mapper, byte[] answer) throws Exception {
        Map<String, Object> response = (Map<String, Object>) mapper.getClass()
                .getMethod("readValue", byte[].class, Class.class)
                .invoke(mapper, answer, Map.class);
        Map<String, Object> headers = (Map<String, Object>) response.getOrDefault("headers", Map.of());
        if (headers != null) {
            headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, String.valueOf(value)));
        }
        Object bodyText = response.get("body");
        byte[] body = bodyText == null
                ? new byte[0]
                : Boolean.TRUE.equals(response.get("isBase64Encoded"))
                        ? java.util.Base64.getDecoder().decode((String) bodyText)
                        : ((String) bodyText).getBytes(StandardCharsets.UTF_8);
        int status = ((Number) response.get("statusCode")).intValue();
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }
}
