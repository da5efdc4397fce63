package io.incidentsupervisor.adapter.aws.diagnosis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentsupervisor.application.port.out.EvidenceUnavailable;
import io.incidentsupervisor.domain.diagnosis.Change;
import io.incidentsupervisor.domain.diagnosis.Policy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

/**
 * CloudTrail's event history of one resource name in one Region ({@code LookupEvents}, which takes one lookup
 * attribute): the events from one service whose names, without their API version suffix, are among those asked for,
 * each with its whole record. Requests to one Region are paced to CloudTrail's 2 a second, across lookups; at most
 * {@value #MAX_PAGES} pages a lookup, and a repeated page token ends the walk.
 */
final class CloudTrailLookups {

    static final int MAX_PAGES = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One recorded event: its summary and its whole record (requestParameters, responseElements, userIdentity). */
    record Recorded(Event event, JsonNode record) {

        JsonNode request() {
            return record.path("requestParameters");
        }

        JsonNode response() {
            return record.path("responseElements");
        }

        /** A change of {@code subject} recorded by this event; the caller gives what the event concerns. */
        Change change(
                Change.Subject subject,
                String target,
                String policyName,
                Policy policy,
                Policy before,
                String previous,
                String current,
                boolean beforeDeleted,
                List<String> sharedWith) {
            return new Change(
                    event.eventId(),
                    event.eventName(),
                    event.eventTime(),
                    record.path("userIdentity").path("arn").asText(event.username()),
                    record.path("userIdentity").path("type").asText(""),
                    subject,
                    target,
                    policyName,
                    policy,
                    before,
                    previous,
                    current,
                    beforeDeleted,
                    sharedWith);
        }
    }

    private final CloudTrailClient cloudTrail;
    private final Duration pace;
    private Instant lastRequest = Instant.EPOCH;

    /** @param pace the least time between two requests to this Region: half a second keeps within 2 a second */
    CloudTrailLookups(CloudTrailClient cloudTrail, Duration pace) {
        this.cloudTrail = cloudTrail;
        this.pace = pace;
    }

    /** The events of {@code source} named one of {@code names} that CloudTrail indexes under {@code resourceName}. */
    List<Recorded> of(String resourceName, String source, Set<String> names, Instant from, Instant to) {
        LookupAttribute byName = LookupAttribute.builder()
                .attributeKey(LookupAttributeKey.RESOURCE_NAME)
                .attributeValue(resourceName)
                .build();
        List<Recorded> found = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String next = token;
            LookupEventsResponse response;
            try {
                paced();
                response = cloudTrail.lookupEvents(b -> b.lookupAttributes(byName)
                        .startTime(from)
                        .endTime(to)
                        .maxResults(50)
                        .nextToken(next));
            } catch (SdkException e) {
                throw IamPolicies.unavailable(e);
            }
            for (Event event : response.events()) {
                if (source.equals(event.eventSource()) && names.contains(Change.baseName(event.eventName()))) {
                    found.add(new Recorded(event, record(event)));
                }
            }
            token = response.nextToken();
            if (token == null || token.isEmpty() || !tokens.add(token)) {
                break;
            }
        }
        found.sort(Comparator.comparing(recorded -> recorded.event().eventTime()));
        return found;
    }

    private static JsonNode record(Event event) {
        try {
            return JSON.readTree(event.cloudTrailEvent());
        } catch (JsonProcessingException e) {
            throw new EvidenceUnavailable(
                    "Unreadable", "", "CloudTrail event " + event.eventId() + " is not JSON", "", e);
        }
    }

    /** Waits until {@code pace} has passed since this Region's last request. */
    private synchronized void paced() {
        long wait = Duration.between(Instant.now(), lastRequest.plus(pace)).toMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EvidenceUnavailable("Timeout", "", "Interrupted between CloudTrail requests", "", e);
            }
        }
        lastRequest = Instant.now();
    }
}
