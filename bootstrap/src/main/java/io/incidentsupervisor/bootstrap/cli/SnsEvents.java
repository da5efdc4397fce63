package io.incidentsupervisor.bootstrap.cli;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads SNS event JSON with the serializer the Lambda Java runtime itself uses, so a file is read as Lambda would deliver it. */
final class SnsEvents {

    private static final PojoSerializer<SNSEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(SNSEvent.class, SNSEvent.class.getClassLoader());

    private SnsEvents() {}

    static SNSEvent read(Path file) throws NoSuchFileException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file + " (no such SNS event file)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static SNSEvent read(InputStream in, String name) {
        SNSEvent event;
        try {
            event = SERIALIZER.fromJson(in);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " is not SNS event JSON: " + e.getMessage(), e);
        }
        if (event == null
                || event.getRecords() == null
                || event.getRecords().isEmpty()
                || event.getRecords().stream()
                        .anyMatch(record ->
                                record.getSNS() == null || record.getSNS().getMessageId() == null)) {
            throw new IllegalArgumentException(
                    name + " is not an SNS event: it needs Records, each with Sns.MessageId and Sns.Message");
        }
        return event;
    }
}
