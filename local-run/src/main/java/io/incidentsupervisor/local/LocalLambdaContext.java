package io.incidentsupervisor.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A Lambda context for invocations outside Lambda (the CLI, tests): a request id, and a deadline read on a clock. */
public final class LocalLambdaContext implements Context {

    /** The supervisor function's own timeout, as the CLI's invocations get it. */
    public static final Duration SUPERVISOR_TIMEOUT = Duration.ofSeconds(60);

    private final String requestId;
    private final Clock clock;
    private final Instant deadline;

    private LocalLambdaContext(String requestId, Clock clock, Instant deadline) {
        this.requestId = requestId;
        this.clock = clock;
        this.deadline = deadline;
    }

    /** An invocation that has {@code timeout} left from now on {@code clock}. */
    public static LocalLambdaContext of(String requestId, Duration timeout, Clock clock) {
        return new LocalLambdaContext(requestId, clock, clock.instant().plus(timeout));
    }

    /** A CLI invocation: a fresh request id, and the supervisor's own timeout. */
    public static LocalLambdaContext forCli(Clock clock) {
        return of("cli-" + UUID.randomUUID(), SUPERVISOR_TIMEOUT, clock);
    }

    public Instant deadline() {
        return deadline;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/incident-supervisor";
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return "incident-supervisor";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:local:000000000000:function:incident-supervisor";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        throw new UnsupportedOperationException("The supervisor logs through SLF4J, not the Lambda logger");
    }
}
