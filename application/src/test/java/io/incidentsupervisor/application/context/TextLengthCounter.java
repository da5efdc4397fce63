package io.incidentsupervisor.application.context;

import io.incidentsupervisor.application.port.out.TokenCounter;

/** A stand-in tokenizer for the application's tests: one token per UTF-16 character. The real one is tested in adapters-aws. */
public final class TextLengthCounter implements TokenCounter {

    public static final String NAME = "characters";

    @Override
    public String tokenizer() {
        return NAME;
    }

    @Override
    public int count(String text) {
        return text.length();
    }
}
