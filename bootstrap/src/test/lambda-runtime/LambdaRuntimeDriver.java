import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

/**
 * Stands in for the Lambda Java runtime: on a JVM whose class path holds only the function's jar, it loads the handler
 * class by name, instantiates it through its no-arg constructor, reads the event JSON with the runtime's own serializer
 * (aws-lambda-java-serialization, in a class loader of its own as in the runtime), invokes handleRequest once, prints
 * the answer serialized as the runtime would ({@code RESULT …}) and then one line:
 * {@code HANDLED {"epochMillis":…,"classesLoaded":…,"peakRssKb":…}}. Run as a single source file, or compiled.
 *
 * <p>Arguments: handler class, event JSON file, aws-lambda-java-serialization jar, timeout in milliseconds.
 */
public final class LambdaRuntimeDriver {

    public static void main(String[] args) throws Exception {
        String handlerClass = args[0];
        Path event = Path.of(args[1]);
        URL serializationJar = Path.of(args[2]).toUri().toURL();
        long deadline = System.currentTimeMillis() + Long.parseLong(args[3]);

        ClassLoader function = ClassLoader.getSystemClassLoader();
        Class<?> handlerType = Class.forName(handlerClass, true, function);
        Object handler = handlerType.getDeclaredConstructor().newInstance();
        Method handleRequest = Arrays.stream(handlerType.getMethods())
                .filter(m -> m.getName().equals("handleRequest") && m.getParameterCount() == 2 && !m.isBridge())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(handlerClass + " has no handleRequest(event, Context)"));

        // The runtime's own serializers, in a class loader of their own: the event types it knows, Jackson for anything
        // else.
        URLClassLoader runtime = new URLClassLoader(new URL[] {serializationJar}, ClassLoader.getPlatformClassLoader());
        Class<?> serializers =
                runtime.loadClass("com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers");
        Class<?> serializerType =
                runtime.loadClass("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer");
        Object jackson = runtime.loadClass(
                        "com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory")
                .getMethod("getInstance")
                .invoke(null);
        Class<?> inputType = handleRequest.getParameterTypes()[0];
        Object inputSerializer = (boolean) serializers
                        .getMethod("isLambdaSupportedEvent", String.class)
                        .invoke(null, inputType.getName())
                ? serializers
                        .getMethod("serializerFor", Class.class, ClassLoader.class)
                        .invoke(null, inputType, function)
                : jackson.getClass()
                        .getMethod("getSerializer", java.lang.reflect.Type.class)
                        .invoke(jackson, handleRequest.getGenericParameterTypes()[0]);
        Object input;
        try (InputStream json = Files.newInputStream(event)) {
            input = serializerType.getMethod("fromJson", InputStream.class).invoke(inputSerializer, json);
        }
        Class<?> contextType = Class.forName("com.amazonaws.services.lambda.runtime.Context", false, function);
        String requestId = UUID.randomUUID().toString();
        Object context = Proxy.newProxyInstance(
                function, new Class<?>[] {contextType}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "getAwsRequestId" -> requestId;
                    case "getRemainingTimeInMillis" -> (int) Math.max(0, deadline - System.currentTimeMillis());
                    case "getFunctionName" ->
                        System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "incident-supervisor");
                    case "getFunctionVersion" -> "$LATEST";
                    case "getMemoryLimitInMB" -> 1024;
                    case "getLogGroupName" -> "/aws/lambda/incident-supervisor";
                    case "getLogStreamName" -> "driver";
                    case "toString" -> "LambdaRuntimeDriver context " + requestId;
                    default -> null;
                });

        Object output = handleRequest.invoke(handler, input, context);
        if (output != null) {
            Object outputSerializer = jackson.getClass()
                    .getMethod("getSerializer", java.lang.reflect.Type.class)
                    .invoke(jackson, handleRequest.getGenericReturnType());
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            serializerType
                    .getMethod("toJson", Object.class, java.io.OutputStream.class)
                    .invoke(outputSerializer, output, answer);
            System.out.println("RESULT " + answer.toString(java.nio.charset.StandardCharsets.UTF_8));
        }

        long handledAt = System.currentTimeMillis();
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        long peakRssKb = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmHWM:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst()
                .orElse(-1);
        System.out.println("HANDLED {\"epochMillis\":" + handledAt + ",\"classesLoaded\":" + classes + ",\"peakRssKb\":"
                + peakRssKb + "}");
        System.exit(0);
    }
}
