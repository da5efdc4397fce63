package io.incidentsupervisor.adapter.aws.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.incidentsupervisor.application.port.out.TokenCounter;
import java.util.concurrent.CompletableFuture;

/**
 * Counts tokens with OpenAI's {@code o200k_base} byte-pair encoding (GPT-4o and later), through jtokkit. Reading the
 * 3.6 MB vocabulary takes about half a second of one core, so it starts on a thread of its own at construction and
 * overlaps the rest of start-up and the first AWS calls; the first count waits for it.
 */
public final class JtokkitTokenCounter implements TokenCounter {

    private static final EncodingType ENCODING = EncodingType.O200K_BASE;

    private final CompletableFuture<Encoding> encoding = CompletableFuture.supplyAsync(
            () -> Encodings.newLazyEncodingRegistry().getEncoding(ENCODING), task -> {
                Thread reader = new Thread(task, "o200k-vocabulary");
                reader.setDaemon(true);
                reader.start();
            });

    @Override
    public String tokenizer() {
        return ENCODING.getName();
    }

    @Override
    public int count(String text) {
        return encoding.join().countTokens(text);
    }
}
