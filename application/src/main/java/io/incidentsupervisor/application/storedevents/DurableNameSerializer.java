package io.incidentsupervisor.application.storedevents;

import io.incidentsupervisor.application.storedevents.StoredEventTypes.StoredEventType;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's Jackson serializer, writing events under their durable names and revisions ({@link StoredEventTypes}) instead
 * of their class names. Reading fails loudly on a type or revision this version does not know, rather than handing
 * Axon an unknown payload that its handlers would silently skip.
 */
final class DurableNameSerializer extends JacksonSerializer {

    private final StoredEventTypes types;

    DurableNameSerializer(Builder builder, StoredEventTypes types) {
        super(builder);
        this.types = Objects.requireNonNull(types, "types");
    }

    @Override
    @SuppressWarnings("rawtypes") // Axon's Serializer declares the raw type.
    public SerializedType typeForClass(Class type) {
        Optional<StoredEventType> stored = types.of(type);
        return stored.isPresent()
                ? new SimpleSerializedType(stored.get().name(), stored.get().revision())
                : super.typeForClass(type);
    }

    @Override
    @SuppressWarnings("rawtypes") // Axon's Serializer declares the raw type.
    public Class classForType(SerializedType type) {
        Optional<StoredEventType> stored = types.named(type.getName());
        if (stored.isPresent()) {
            if (!stored.get().revision().equals(type.getRevision())) {
                throw new SerializationException("Stored event " + type.getName() + " has revision "
                        + type.getRevision() + ", and no upcaster brings it to revision "
                        + stored.get().revision() + ", the one this version reads");
            }
            return stored.get().javaClass();
        }
        Class<?> resolved = super.classForType(type);
        if (resolved == UnknownSerializedType.class) {
            throw new SerializationException(
                    "Stored type " + type.getName() + " (revision " + type.getRevision()
                            + ") is not an event this version knows: is the history newer than the code, or is an upcaster missing?");
        }
        return resolved;
    }
}
