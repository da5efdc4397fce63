package io.incidentsupervisor.bootstrap.cli;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The Lambda context a CLI invocation runs under: a fresh request id and the supervisor's own timeout as its deadline. */
final class CliLambdaContext implements Context {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String requestId = "cli-" + UUID.randomUUID();
    private final Clock clock;
    private final Instant deadline;

    CliLambdaContext(Clock clock) {
        this.clock = clock;
        this.deadline = clock.instant().plus(TIMEOUT);
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
        return "cli";
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
