package io.incidentsupervisor.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.incidentsupervisor.domain.model.IncidentId;

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

    /**
     * What the CLI's {@code --json} and the MCP tools give out, a public API: as {@link #mapper()}, but an incident id is
     * its text ({@code "data-processor#2026-11-23T08:00:00.512Z"}). Stored events keep {@link #mapper()}'s form.
     */
    public static ObjectMapper answers() {
        return mapper().registerModule(new SimpleModule("public-answers")
                .addSerializer(IncidentId.class, ToStringSerializer.instance));
    }

    /** What agents read: the public form, compact, without null or empty members, so no token is spent on nothing. */
    public static ObjectWriter forAgents() {
        return answers()
                .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
                .writer();
    }
}
