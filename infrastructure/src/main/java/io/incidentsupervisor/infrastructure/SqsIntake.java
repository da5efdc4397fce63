package io.incidentsupervisor.infrastructure;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.EventSourceMappingOptions;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.subscriptions.SqsSubscription;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * {@code -c intake=sqs}: the alert topic delivers to a queue, and the queue to the function through an event source
 * mapping that reports partial batch failures; what the function cannot handle five times goes to the failure queue.
 */
final class SqsIntake {

    /**
     * Records per invocation, handled one after another: five warm investigations (about 1.5 s each, measured in
     * {@code LambdaJarIT}) after a cold start (about 3 s) take a sixth of the 60 s timeout, leaving the rest for slow
     * collectors; records the deadline leaves unstarted are reported as failures and come back.
     */
    static final int BATCH_SIZE = 5;
    /** No batching window: an alert is investigated as it arrives, while its logs are fresh; bursts wait in the queue. */
    static final Duration BATCHING_WINDOW = Duration.seconds(0);
    /** Two investigations at a time: CloudTrail's LookupEvents allows two requests per second per account and region. */
    static final int MAX_CONCURRENCY = 2;
    /** AWS's advice: a visibility timeout of at least six function timeouts, so a throttled batch is retried in time. */
    static final int VISIBILITY_TIMEOUTS_PER_FUNCTION_TIMEOUT = 6;

    static final int MAX_RECEIVE_COUNT = 5;
    /**
     * What Lambda's poller does with the function's role: receive, delete what succeeded, read the queue's attributes.
     * ({@code grantConsumeMessages} would add {@code ChangeMessageVisibility} and {@code GetQueueUrl}, which it never uses.)
     */
    static final List<String> POLLER_ACTIONS =
            List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");

    private SqsIntake() {}

    static Queue connect(Construct scope, ITopic topic, Alias function, Duration timeout, IQueue failed) {
        Queue queue = Queue.Builder.create(scope, "AlertQueue")
                .retentionPeriod(Duration.days(14))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .visibilityTimeout(
                        Duration.seconds(timeout.toSeconds().longValue() * VISIBILITY_TIMEOUTS_PER_FUNCTION_TIMEOUT))
                .deadLetterQueue(DeadLetterQueue.builder()
                        .queue(failed)
                        .maxReceiveCount(MAX_RECEIVE_COUNT)
                        .build())
                .build();
        topic.addSubscription(SqsSubscription.Builder.create(queue).build());
        function.addEventSourceMapping(
                "AlertQueueMapping",
                EventSourceMappingOptions.builder()
                        .eventSourceArn(queue.getQueueArn())
                        .batchSize(BATCH_SIZE)
                        .maxBatchingWindow(BATCHING_WINDOW)
                        .maxConcurrency(MAX_CONCURRENCY)
                        .reportBatchItemFailures(true)
                        .build());
        function.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(POLLER_ACTIONS)
                .resources(List.of(queue.getQueueArn()))
                .build());
        return queue;
    }
}
