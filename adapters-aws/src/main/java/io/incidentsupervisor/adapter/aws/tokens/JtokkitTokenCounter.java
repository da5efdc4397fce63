package io.incidentsupervisor.adapter.aws.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.incidentsupervisor.application.port.out.TokenCounter;

/** Counts tokens with OpenAI's {@code o200k_base} byte-pair encoding (GPT-4o and later), through jtokkit. */
public final class JtokkitTokenCounter implements TokenCounter {

    private static final EncodingType ENCODING = EncodingType.O200K_BASE;

    private final Encoding encoding = Encodings.newLazyEncodingRegistry().getEncoding(ENCODING);

    @Override
    public String tokenizer() {
        return ENCODING.getName();
    }

    @Override
    public int count(String text) {
        // Ordinary: text that spells a special token ("<|endoftext|>") is counted as the text it is. countTokens
        // throws on it, and any alert or log line may carry one.
        return encoding.countTokensOrdinary(text);
    }
}
