package io.incidentsupervisor.adapter.aws.lifecycle;

import io.incidentsupervisor.application.lifecycle.ChatNotifications;
import io.incidentsupervisor.application.port.in.LifecycleEvent;
import io.incidentsupervisor.application.port.out.LifecyclePublisher;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Lifecycle events to a chat topic (Amazon Q Developer in chat applications subscribes to it), each as its
 * custom-notification message ({@link ChatNotifications}), one {@code sns:Publish} a message.
 */
public final class SnsChatPublisher implements LifecyclePublisher {

    private final SnsClient sns;
    private final String topicArn;

    public SnsChatPublisher(SnsClient sns, String topicArn) {
        this.sns = Objects.requireNonNull(sns, "sns");
        this.topicArn = Objects.requireNonNull(topicArn, "topicArn");
    }

    @Override
    public void publish(List<LifecycleEvent> events) {
        for (LifecycleEvent event : events) {
            String message = ChatNotifications.of(event).toString();
            sns.publish(r -> r.topicArn(topicArn).message(message));
        }
    }
}
