package io.incidentsupervisor.bootstrap.cli;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reads SNS and SQS event JSON with the serializers the Lambda Java runtime itself uses, so a file is read as Lambda would
 * deliver it. An event whose records name {@code "eventSource": "aws:sqs"} is an SQS event; any other, an SNS event.
 */
final class LambdaEvents {

    private static final PojoSerializer<SNSEvent> SNS =
            LambdaEventSerializers.serializerFor(SNSEvent.class, SNSEvent.class.getClassLoader());
    private static final PojoSerializer<SQSEvent> SQS =
            LambdaEventSerializers.serializerFor(SQSEvent.class, SQSEvent.class.getClassLoader());
    private static final Pattern SQS_SOURCE = Pattern.compile("\"eventSource\"\\s*:\\s*\"aws:sqs\"");

    /** One event file: exactly one of the two is set. */
    record Event(SNSEvent sns, SQSEvent sqs) {}

    private LambdaEvents() {}

    static Event read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file + " (no such event file)");
        }
        return read(Files.readAllBytes(file), file.toString());
    }

    static Event read(byte[] json, String name) {
        if (SQS_SOURCE.matcher(new String(json, StandardCharsets.UTF_8)).find()) {
            return new Event(null, readSqs(new ByteArrayInputStream(json), name));
        }
        return new Event(read(new ByteArrayInputStream(json), name), null);
    }

    static SNSEvent read(InputStream in, String name) {
        SNSEvent event;
        try {
            event = SNS.fromJson(in);
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

    private static SQSEvent readSqs(InputStream in, String name) {
        SQSEvent event;
        try {
            event = SQS.fromJson(in);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " is not SQS event JSON: " + e.getMessage(), e);
        }
        if (event == null
                || event.getRecords() == null
                || event.getRecords().isEmpty()
                || event.getRecords().stream().anyMatch(message -> message.getMessageId() == null)) {
            throw new IllegalArgumentException(
                    name + " is not an SQS event: it needs Records, each with messageId and body");
        }
        return event;
    }
}
