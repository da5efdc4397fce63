package io.incidentsupervisor.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON form of this project's values: events, projections and what agents read share it. */
public final class Json {

    private Json() {}

    /** Records by their components, {@code java.time} as ISO-8601 text, unknown properties ignored on reading. */
    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** What agents read: compact, without null or empty members, so that no token is spent on nothing. */
    public static ObjectWriter forAgents() {
        return mapper().setSerializationInclusion(JsonInclude.Include.NON_EMPTY).writer();
    }
}
