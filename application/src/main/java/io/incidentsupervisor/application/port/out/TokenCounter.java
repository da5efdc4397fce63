package io.incidentsupervisor.application.port.out;

/** Outgoing: counts text in the tokens of the model that reads the context. */
public interface TokenCounter {

    /** The tokenizer's name, recorded in truncation reports. */
    String tokenizer();

    int count(String text);
}
