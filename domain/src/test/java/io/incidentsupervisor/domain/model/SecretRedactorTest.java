package io.incidentsupervisor.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretRedactorTest {

    @Test
    void eachKindOfSecretIsReplacedAndCounted() {
        SecretRedactor.Redacted redacted = SecretRedactor.redact("key AKIAIOSFODNN7EXAMPLE; "
                + "Authorization: Bearer sk_live_4eC39HqLyjWDarjtT1zdp7dc; "
                + "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcHMifQ.c2lnbmF0dXJl; "
                + "DB_PASSWORD=hunter2 postgres://app:s3cr3t-pw@db.internal:5432/orders");

        assertThat(redacted.text())
                .doesNotContain("AKIAIOSFODNN7EXAMPLE", "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "c2lnbmF0dXJl", "hunter2")
                .doesNotContain("s3cr3t-pw")
                .contains("postgres://app:[REDACTED]@db.internal:5432/orders")
                .contains("DB_PASSWORD=[REDACTED]");
        assertThat(redacted.count()).isEqualTo(5);
    }

    @Test
    void redactedTextIsLeftAsItIs() {
        String once = SecretRedactor.redact("password=hunter2 Bearer abc.def https://u:p@h/")
                .text();

        assertThat(SecretRedactor.redact(once)).isEqualTo(new SecretRedactor.Redacted(once, 0));
        assertThat(SecretRedactor.redact(null).count()).isZero();
    }
}
