package io.incidentsupervisor.adapter.aws.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The counter against jtokkit's o200k_base, text by text: every text file of this repository and generated text. */
class O200kTokenCounterTest {

    private static final O200kTokenCounter COUNTER = new O200kTokenCounter();
    private static final Encoding JTOKKIT = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    /** Letters, marks, digits of several scripts, whitespace of every kind, emoji, a lone surrogate. */
    private static final String[] ALPHABET = {
        "a",
        "e",
        "s",
        "t",
        "A",
        "Z",
        "'",
        "'s",
        "'LL",
        "’",
        "0",
        "7",
        "٣",
        "١٢",
        "é",
        "e\u0301",
        "ß",
        "ǅ",
        "ʰ",
        "中",
        "文",
        "カ",
        "한",
        "ا",
        "ж",
        "Ω",
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "\u00a0",
        "\u2028",
        "\u3000",
        ".",
        ",",
        "/",
        "-",
        "_",
        "=",
        "{",
        "\"",
        ":",
        "\\",
        "<|endoftext|>",
        "🚀",
        "👩‍💻",
        "\ud83d",
        "\u0000",
        "™",
        "½",
        "ⅷ"
    };

    @Test
    void knownCounts() {
        assertThat(COUNTER.count("")).isZero();
        assertThat(COUNTER.count("hello world")).isEqualTo(2);
        assertThat(COUNTER.count("hello world")).as("counted again").isEqualTo(2);
        assertThat(COUNTER.count("hello world!")).isEqualTo(3);
        assertThat(COUNTER.count("<|endoftext|>")).isEqualTo(JTOKKIT.countTokensOrdinary("<|endoftext|>"));
        assertThat(COUNTER.tokenizer()).isEqualTo("o200k_base");
    }

    @Test
    void countsEveryTextFileOfTheRepositoryAsJtokkitDoes() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("..").toAbsolutePath().normalize())) {
            files = walk.filter(path -> !path.toString().contains("/target/")
                            && !path.toString().contains("/.git/")
                            && !path.toString().contains("/node_modules/")
                            && path.toString().matches(".*\\.(java|md|json|xml|pro|txt|jte|ts|properties)$"))
                    .toList();
        }
        assertThat(files).hasSizeGreaterThan(300);
        long tokens = 0;
        for (Path file : files) {
            String text = Files.readString(file);
            int expected = JTOKKIT.countTokensOrdinary(text);
            assertThat(COUNTER.count(text)).as("%s", file).isEqualTo(expected);
            tokens += expected;
        }
        assertThat(tokens).isGreaterThan(200_000);
    }

    @Test
    void countsGeneratedTextAsJtokkitDoes() {
        Random random = new Random(20261202);
        for (int run = 0; run < 3000; run++) {
            StringBuilder text = new StringBuilder();
            int parts = 1 + random.nextInt(run % 10 == 0 ? 2000 : 60);
            for (int i = 0; i < parts; i++) {
                text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            String generated = text.toString();
            assertThat(COUNTER.count(generated)).as("%s", generated).isEqualTo(JTOKKIT.countTokensOrdinary(generated));
        }
    }

    @Test
    void countsLongPiecesAsJtokkitDoes() {
        Random random = new Random(5);
        for (String unit : List.of("a", "ab", "Zq", " ", "=", "é", "中", "🚀", "\n ")) {
            String run = unit.repeat(3000 + random.nextInt(3000));
            assertThat(COUNTER.count(run))
                    .as("%s × %d", unit, run.length())
                    .isEqualTo(JTOKKIT.countTokensOrdinary(run));
        }
        StringBuilder base64 = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            base64.append((char) ('A' + random.nextInt(26) + (random.nextBoolean() ? 32 : 0)));
        }
        assertThat(COUNTER.count(base64.toString())).isEqualTo(JTOKKIT.countTokensOrdinary(base64.toString()));
    }

    @Test
    void refusesWhatIsNotAWholePackedVocabulary() throws IOException {
        byte[] packed = PackedVocabularyTest.pack("YQ== 0\nYg== 1\n");
        assertThat(read(packed).size()).isEqualTo(2);
        packed[0] = 'X';
        assertThatThrownBy(() -> read(packed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Vocabulary test: it is not a packed vocabulary");
        byte[] whole = PackedVocabularyTest.pack("YQ== 0\nYg== 1\n");
        assertThatThrownBy(() -> read(Arrays.copyOf(whole, whole.length - 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Vocabulary test: it ends before its last token");
        assertThatThrownBy(() -> read(Arrays.copyOf(whole, whole.length + 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Vocabulary test: bytes follow its last token");
        byte[] emptyToken = whole.clone();
        emptyToken[9] = 0;
        assertThatThrownBy(() -> read(emptyToken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Vocabulary test: the token of rank 1 is empty");
    }

    @Test
    void looksUpEveryTokenOfAVocabularyByItsBytes() throws IOException {
        BytePairVocabulary vocabulary = read(PackedVocabularyTest.pack("YQ== 0\nYg== 1\nYWI= 2\nYWJj 3"));
        byte[] abc = "xabc".getBytes(StandardCharsets.US_ASCII);
        assertThat(vocabulary.size()).isEqualTo(4);
        assertThat(vocabulary.rank(abc, 1, 2)).isZero();
        assertThat(vocabulary.rank(abc, 2, 3)).isEqualTo(1);
        assertThat(vocabulary.rank(abc, 1, 3)).isEqualTo(2);
        assertThat(vocabulary.rank(abc, 1, 4)).isEqualTo(3);
        assertThat(vocabulary.rank(abc, 0, 2)).isEqualTo(-1);
        assertThat(vocabulary.rank(abc, 3, 4)).isEqualTo(-1);
    }

    private static BytePairVocabulary read(byte[] packed) {
        return BytePairVocabulary.read(new ByteArrayInputStream(packed), "test");
    }
}
