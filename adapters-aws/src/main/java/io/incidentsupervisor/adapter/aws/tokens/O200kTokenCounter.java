package io.incidentsupervisor.adapter.aws.tokens;

import io.incidentsupervisor.application.port.out.TokenCounter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts tokens with OpenAI's {@code o200k_base} byte-pair encoding (GPT-4o and later), as tiktoken encodes ordinary
 * text: text that spells a special token ({@code <|endoftext|>}) counts as the characters it is. The vocabulary is the
 * one jtokkit ships; {@code O200kTokenCounterTest} holds the counts equal to jtokkit's on every text it is given.
 */
public final class O200kTokenCounter implements TokenCounter {

    /** o200k_base.tiktoken as jtokkit ships it, packed ({@link BytePairVocabulary}); {@code PackedVocabularyTest} keeps it so. */
    static final String VOCABULARY = "o200k_base.bpe";

    /** o200k_base's pre-tokenizer: the text is split into pieces, and no token spans two pieces. */
    private static final Pattern PIECES = Pattern.compile(
            String.join(
                    "|",
                    "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+"
                            + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
                    "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*"
                            + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
                    "\\p{N}{1,3}",
                    " ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*",
                    "\\s*[\\r\\n]+",
                    "\\s+(?!\\S)",
                    "\\s+"),
            Pattern.UNICODE_CHARACTER_CLASS);

    private final BytePairVocabulary vocabulary;
    private volatile Counted last = new Counted("", 0);

    /** Reads the vocabulary (1.6 MB packed, 3.8 MB of heap): build one per process. */
    public O200kTokenCounter() {
        InputStream file = O200kTokenCounter.class.getResourceAsStream(VOCABULARY);
        this.vocabulary = BytePairVocabulary.read(
                Objects.requireNonNull(file, () -> VOCABULARY + " is not on the class path"), VOCABULARY);
    }

    @Override
    public String tokenizer() {
        return "o200k_base";
    }

    /** The last text counted is remembered: the projection fits, and so counts again, the context just recorded. */
    @Override
    public int count(String text) {
        Counted previous = last;
        if (previous.text().equals(text)) {
            return previous.tokens();
        }
        int tokens = 0;
        Matcher piece = PIECES.matcher(text);
        while (piece.find()) {
            tokens += tokens(piece.group().getBytes(StandardCharsets.UTF_8));
        }
        last = new Counted(text, tokens);
        return tokens;
    }

    private record Counted(String text, int tokens) {}

    /**
     * The tokens of one piece: what byte-pair merging leaves, merging at each step the adjacent pair whose joined bytes have
     * the lowest rank (the leftmost of equals) until no pair is a token; a piece that is a token is looked up at once. The
     * candidate pairs wait in a heap, so a long piece costs n log n, not n².
     */
    private int tokens(byte[] piece) {
        int n = piece.length;
        if (n == 1 || vocabulary.rank(piece, 0, n) >= 0) {
            return 1;
        }
        // Parts are linked by their start; next[i] == n ends the piece. pairRank[i] is the rank of part i joined with
        // the part after it (-1 when they are no token, or i is no longer a part).
        int[] next = new int[n];
        int[] previous = new int[n];
        int[] pairRank = new int[n];
        long[] heap = new long[3 * n];
        int queued = 0;
        for (int i = 0; i < n; i++) {
            next[i] = i + 1;
            previous[i] = i - 1;
            pairRank[i] = i + 2 <= n ? vocabulary.rank(piece, i, i + 2) : -1;
            if (pairRank[i] >= 0) {
                queued = push(heap, queued, pairRank[i], i);
            }
        }
        int parts = n;
        while (queued > 0) {
            long top = heap[0];
            queued = pop(heap, queued);
            int rank = (int) (top >>> 32);
            int start = (int) top;
            if (pairRank[start] != rank) {
                continue; // stale: the pair changed since it was queued
            }
            int merged = next[start];
            int after = next[merged];
            next[start] = after;
            if (after < n) {
                previous[after] = start;
            }
            pairRank[merged] = -1;
            parts--;
            pairRank[start] = after < n ? vocabulary.rank(piece, start, next[after]) : -1;
            if (pairRank[start] >= 0) {
                queued = push(heap, queued, pairRank[start], start);
            }
            int before = previous[start];
            if (before >= 0) {
                pairRank[before] = vocabulary.rank(piece, before, after);
                if (pairRank[before] >= 0) {
                    queued = push(heap, queued, pairRank[before], before);
                }
            }
        }
        return parts;
    }

    /** Orders by rank, then by start: the leftmost of equal ranks merges first, as in tiktoken. */
    private static int push(long[] heap, int size, int rank, int start) {
        long entry = (long) rank << 32 | start;
        int i = size;
        while (i > 0 && heap[(i - 1) / 2] > entry) {
            heap[i] = heap[(i - 1) / 2];
            i = (i - 1) / 2;
        }
        heap[i] = entry;
        return size + 1;
    }

    private static int pop(long[] heap, int size) {
        long last = heap[--size];
        int i = 0;
        while (2 * i + 1 < size) {
            int child = 2 * i + 1;
            if (child + 1 < size && heap[child + 1] < heap[child]) {
                child++;
            }
            if (heap[child] >= last) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = last;
        return size;
    }

    @Override
    public String toString() {
        return tokenizer() + " (" + vocabulary.size() + " tokens)";
    }
}
