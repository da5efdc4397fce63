package io.incidentsupervisor.adapter.aws.tokens;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A byte-pair vocabulary read from a tiktoken file (one {@code <base64 token> <rank>} line per token, ranks 0, 1, 2, …)
 * into three arrays: every token's bytes end to end, where each token starts, and an open-addressing hash table of
 * ranks. Three large arrays instead of a map of 200,000 small objects: they load in a fraction of the time, take a
 * seventh of the heap, and the young collector never copies them.
 */
final class BytePairVocabulary {

    private static final int EMPTY = -1;

    private final byte[] tokenBytes;
    private final int[] starts;
    private final int[] slots;

    private BytePairVocabulary(byte[] tokenBytes, int[] starts, int[] slots) {
        this.tokenBytes = tokenBytes;
        this.starts = starts;
        this.slots = slots;
    }

    /** Reads a tiktoken file whose lines are in rank order; anything else is refused. */
    static BytePairVocabulary read(InputStream tiktoken, String name) {
        byte[] file;
        try (tiktoken) {
            file = tiktoken.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the vocabulary " + name, e);
        }
        int tokens = file.length > 0 && file[file.length - 1] != '\n' ? 1 : 0;
        for (byte b : file) {
            if (b == '\n') {
                tokens++;
            }
        }
        byte[] tokenBytes = new byte[file.length / 4 * 3];
        int[] starts = new int[tokens + 1];
        int[] slots = new int[Integer.highestOneBit(tokens) << 2];
        Arrays.fill(slots, EMPTY);
        int end = 0;
        int at = 0;
        for (int rank = 0; rank < tokens; rank++) {
            starts[rank] = end;
            int quad = 0;
            int sextets = 0;
            for (; at < file.length && file[at] != ' '; at++) {
                int value = sextet(file[at], name, rank);
                if (value < 0) {
                    continue; // padding
                }
                quad = quad << 6 | value;
                if (++sextets == 4) {
                    tokenBytes[end++] = (byte) (quad >> 16);
                    tokenBytes[end++] = (byte) (quad >> 8);
                    tokenBytes[end++] = (byte) quad;
                    quad = 0;
                    sextets = 0;
                }
            }
            if (sextets == 3) {
                tokenBytes[end++] = (byte) (quad >> 10);
                tokenBytes[end++] = (byte) (quad >> 2);
            } else if (sextets == 2) {
                tokenBytes[end++] = (byte) (quad >> 4);
            } else if (sextets == 1 || end == starts[rank]) {
                throw new IllegalStateException("Vocabulary " + name + ": a malformed token on line " + (rank + 1));
            }
            int stated = 0;
            for (at++; at < file.length && file[at] != '\n'; at++) {
                stated = stated * 10 + (file[at] - '0');
            }
            at++;
            if (stated != rank) {
                throw new IllegalStateException(
                        "Vocabulary " + name + ": line " + (rank + 1) + " holds rank " + stated + ", not " + rank);
            }
            int slot = hash(tokenBytes, starts[rank], end) & (slots.length - 1);
            while (slots[slot] != EMPTY) {
                slot = (slot + 1) & (slots.length - 1);
            }
            slots[slot] = rank;
        }
        starts[tokens] = end;
        return new BytePairVocabulary(tokenBytes, starts, slots);
    }

    /** The rank of the token spelled by {@code bytes[from, to)}, or -1 if no token is spelled so. */
    int rank(byte[] bytes, int from, int to) {
        int length = to - from;
        for (int slot = hash(bytes, from, to) & (slots.length - 1); ; slot = (slot + 1) & (slots.length - 1)) {
            int rank = slots[slot];
            if (rank == EMPTY) {
                return -1;
            }
            int start = starts[rank];
            if (starts[rank + 1] - start == length
                    && Arrays.equals(tokenBytes, start, start + length, bytes, from, to)) {
                return rank;
            }
        }
    }

    int size() {
        return starts.length - 1;
    }

    private static int hash(byte[] bytes, int from, int to) {
        int hash = 0x811c9dc5; // FNV-1a
        for (int i = from; i < to; i++) {
            hash = (hash ^ (bytes[i] & 0xff)) * 0x01000193;
        }
        return hash ^ (hash >>> 16);
    }

    private static int sextet(byte c, String name, int rank) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        } else if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        } else if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        } else if (c == '+') {
            return 62;
        } else if (c == '/') {
            return 63;
        } else if (c == '=') {
            return -1;
        }
        throw new IllegalStateException("Vocabulary " + name + ": not base64 on line " + (rank + 1));
    }
}
