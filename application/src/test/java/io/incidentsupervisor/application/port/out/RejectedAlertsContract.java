package io.incidentsupervisor.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link RejectedAlerts} must do; each implementation's test extends this with a fresh, empty store. */
public abstract class RejectedAlertsContract {

    /** When the contract's alerts were rejected; stores are read an hour later. */
    protected static final Instant T = Instant.parse("2026-11-23T08:00:00Z");

    /** A fresh, empty store. */
    protected abstract RejectedAlerts store();

    @Test
    void keepsEachMessageOnceAndListsTheLatestFirst() {
        RejectedAlerts store = store();

        store.keep(new RejectedAlert(
                "msg-1", "timestamp is not an ISO-8601 date-time", "{\"timestamp\":\"yesterday\"}", T, 0));
        store.keep(new RejectedAlert(
                "msg-2", "lambda_name is missing", "{\"password\":\"[REDACTED]\"}", T.plusSeconds(10), 1));
        store.keep(new RejectedAlert(
                "msg-1",
                "timestamp is not an ISO-8601 date-time",
                "{\"timestamp\":\"yesterday\"}",
                T.plusSeconds(20),
                0));
        store.keep(new RejectedAlert("msg-3", "the message is not JSON", "x".repeat(20_000), T.plusSeconds(30), 0));

        assertThat(store.latest(10)).extracting(RejectedAlert::messageId).containsExactly("msg-3", "msg-2", "msg-1");
        assertThat(store.latest(2)).extracting(RejectedAlert::messageId).containsExactly("msg-3", "msg-2");
        assertThat(store.latest(10).get(2))
                .isEqualTo(new RejectedAlert(
                        "msg-1", "timestamp is not an ISO-8601 date-time", "{\"timestamp\":\"yesterday\"}", T, 0));
        assertThat(store.latest(2).get(1).redactedValues())
                .as("the redaction count is kept")
                .isEqualTo(1);
        assertThat(store.latest(1).get(0).body()).hasSize(RejectedAlert.MAX_BODY_CHARACTERS);
    }

    @Test
    void anEmptyStoreListsNothing() {
        assertThat(store().latest(5)).isEmpty();
    }
}
