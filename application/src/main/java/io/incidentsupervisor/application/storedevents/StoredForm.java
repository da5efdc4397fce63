package io.incidentsupervisor.application.storedevents;

import io.incidentsupervisor.application.Json;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/** How events are written and read back: every event store of this project uses exactly this serializer and upcaster chain. */
public final class StoredForm {

    private static final Serializer SERIALIZER = serializer(StoredEventTypes.CURRENT);

    private StoredForm() {}

    /** JSON by {@link Json#mapper()}, events under their durable names and revisions. */
    public static Serializer serializer() {
        return SERIALIZER;
    }

    /** The same, with another name table: for proving that a renamed or moved class still reads old history. */
    public static Serializer serializer(StoredEventTypes types) {
        return new DurableNameSerializer(JacksonSerializer.builder().objectMapper(Json.mapper()), types);
    }

    public static EventUpcaster upcasters() {
        return StoredEventUpcasters.chain();
    }
}
