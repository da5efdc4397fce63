package io.incidentsupervisor.adapter.aws.eventstore;

import static io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables.AGGREGATE_ID;
import static io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables.BUCKET;
import static io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables.GLOBAL_SEQUENCE;
import static io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables.SEQUENCE;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps an event or snapshot to a DynamoDB item and back; compresses payloads where that makes the item smaller. */
final class EventItems {

    /** DynamoDB's item size limit. */
    static final int MAX_ITEM_BYTES = 400 * 1024;
    /** Below this, gzip's 20-byte frame and the CPU are not worth it. */
    private static final int COMPRESSION_THRESHOLD_BYTES = 1024;

    static final String EVENT_ID = "eventId";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String TIMESTAMP = "timestamp";
    static final String META_DATA = "metaData";
    static final String PAYLOAD = "payload";
    static final String PAYLOAD_ENCODING = "payloadEncoding";
    private static final String GZIP = "gzip";

    private EventItems() {}

    /** The item for an event, without its global position (see {@link #withGlobalSequence}). */
    static Map<String, AttributeValue> toItem(DomainEventMessage<?> event, Serializer serializer) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(AGGREGATE_ID, s(event.getAggregateIdentifier()));
        item.put(SEQUENCE, n(event.getSequenceNumber()));
        item.put(EVENT_ID, s(event.getIdentifier()));
        if (event.getType() != null) {
            item.put(AGGREGATE_TYPE, s(event.getType()));
        }
        item.put(PAYLOAD_TYPE, s(payload.getType().getName()));
        if (payload.getType().getRevision() != null) {
            item.put(PAYLOAD_REVISION, s(payload.getType().getRevision()));
        }
        item.put(TIMESTAMP, s(event.getTimestamp().toString()));
        item.put(META_DATA, b(metaData.getData()));
        byte[] compressed = payload.getData().length >= COMPRESSION_THRESHOLD_BYTES ? gzip(payload.getData()) : null;
        if (compressed != null && compressed.length < payload.getData().length) {
            item.put(PAYLOAD, b(compressed));
            item.put(PAYLOAD_ENCODING, s(GZIP));
        } else {
            item.put(PAYLOAD, b(payload.getData()));
        }
        return item;
    }

    static Map<String, AttributeValue> withGlobalSequence(Map<String, AttributeValue> item, long globalSequence) {
        Map<String, AttributeValue> positioned = new HashMap<>(item);
        positioned.put(BUCKET, n(0));
        positioned.put(GLOBAL_SEQUENCE, n(globalSequence));
        return positioned;
    }

    static DomainEventData<byte[]> toEventData(Map<String, AttributeValue> item) {
        String aggregateIdentifier = item.get(AGGREGATE_ID).s();
        String eventIdentifier = item.get(EVENT_ID).s();
        byte[] payload = item.get(PAYLOAD).b().asByteArray();
        if (item.containsKey(PAYLOAD_ENCODING)) {
            payload = gunzip(payload);
        }
        return new GenericDomainEventEntry<>(
                item.containsKey(AGGREGATE_TYPE) ? item.get(AGGREGATE_TYPE).s() : null,
                // Events published without an aggregate are keyed by their own identifier, as Axon's JDBC engine does.
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                sequence(item),
                eventIdentifier,
                item.get(TIMESTAMP).s(),
                item.get(PAYLOAD_TYPE).s(),
                item.containsKey(PAYLOAD_REVISION) ? item.get(PAYLOAD_REVISION).s() : null,
                payload,
                item.get(META_DATA).b().asByteArray());
    }

    static long sequence(Map<String, AttributeValue> item) {
        return Long.parseLong(item.get(SEQUENCE).n());
    }

    static long globalSequence(Map<String, AttributeValue> item) {
        return Long.parseLong(item.get(GLOBAL_SEQUENCE).n());
    }

    /**
     * An upper bound of the item's size as DynamoDB counts it: attribute names plus values, numbers at their widest.
     */
    static int sizeOf(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8Length(attribute.getKey());
            AttributeValue value = attribute.getValue();
            if (value.s() != null) {
                size += utf8Length(value.s());
            } else if (value.b() != null) {
                size += value.b().asByteArrayUnsafe().length;
            } else if (value.n() != null) {
                size += 21;
            }
        }
        return size;
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static AttributeValue b(byte[] value) {
        return AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(value));
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 32);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory failed", e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] data) {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return gzip.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("A stored payload marked gzip could not be decompressed", e);
        }
    }
}
