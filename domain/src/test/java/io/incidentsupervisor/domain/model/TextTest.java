package io.incidentsupervisor.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    private static final String FACE = "\uD83D\uDE00"; // U+1F600, two UTF-16 characters

    @Test
    void shortTextIsKeptAndNullIsEmpty() {
        assertThat(Text.capped("abc", 3)).isEqualTo("abc");
        assertThat(Text.capped(null, 3)).isEmpty();
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        assertThat(Text.capped("a" + FACE + "b", 2)).isEqualTo("a");
        assertThat(Text.capped("a" + FACE + "b", 3)).isEqualTo("a" + FACE);
        assertThat(Text.capped("a".repeat(499) + FACE, Text.SHORT)).hasSize(499).doesNotContain("\uD83D");
    }

    @Test
    void everyCapInTheModelIsTheSafeOne() {
        String message = "x".repeat(FailureReason.MAX_MESSAGE_LENGTH - 1) + FACE;
        assertThat(new FailureReason("Failed", message, true).message()).doesNotContain("\uD83D");
        assertThat(new CollectorError("Failed", "", message).message()).doesNotContain("\uD83D");
    }
}
