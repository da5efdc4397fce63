package io.incidentsupervisor.adapter.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an SQS message holds: an SNS notification envelope (a subscription without raw message delivery), whose
 * {@code Message} is the alert, or the alert itself (raw delivery). {@code malformed} names why an envelope holds no
 * alert; anything that is not an envelope is taken as the alert, which {@link AlertMessage} then accepts or refuses.
 */
record SqsBody(String alert, String snsMessageId, String malformed) {

    static SqsBody read(String body) {
        JsonNode node;
        try {
            node = body == null ? null : AlertMessage.JSON.readTree(body);
        } catch (JsonProcessingException notJsonOrBeyondLimits) {
            return new SqsBody(body, null, null);
        }
        if (node == null
                || !node.isObject()
                || !"Notification".equals(node.path("Type").asText())) {
            return new SqsBody(body, null, null);
        }
        String snsMessageId =
                node.path("MessageId").isTextual() ? node.get("MessageId").asText() : null;
        if (!node.path("Message").isTextual()) {
            return new SqsBody(null, snsMessageId, "an SNS notification in the SQS message has no Message text");
        }
        return new SqsBody(node.get("Message").asText(), snsMessageId, null);
    }
}
