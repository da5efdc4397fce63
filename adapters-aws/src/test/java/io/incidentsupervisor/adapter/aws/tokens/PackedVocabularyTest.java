package io.incidentsupervisor.adapter.aws.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The packed vocabulary the counter reads is jtokkit's {@code o200k_base.tiktoken}, packed: this test packs that file
 * again and compares byte for byte. After a jtokkit upgrade that changes the file, rewrite the packed one with
 * {@code ./mvnw -pl adapters-aws test -Dtest=PackedVocabularyTest -Dvocabulary.rewrite=true}.
 */
class PackedVocabularyTest {

    private static final String TIKTOKEN = "/com/knuddels/jtokkit/o200k_base.tiktoken";
    private static final Path PACKED = Path.of("src/main/resources/io/incidentsupervisor/adapter/aws/tokens")
            .resolve(O200kTokenCounter.VOCABULARY);

    @Test
    void theCountersVocabularyIsJtokkitsFilePacked() throws IOException {
        byte[] packed;
        try (InputStream tiktoken = PackedVocabularyTest.class.getResourceAsStream(TIKTOKEN)) {
            packed = pack(new String(tiktoken.readAllBytes(), StandardCharsets.US_ASCII));
        }
        if (Boolean.getBoolean("vocabulary.rewrite")) {
            Files.write(PACKED, packed);
        }
        assertThat(Files.readAllBytes(PACKED))
                .as("%s is %s packed; rewrite it as this test's comment says", PACKED, TIKTOKEN)
                .isEqualTo(packed);
        try (InputStream onClassPath = O200kTokenCounter.class.getResourceAsStream(O200kTokenCounter.VOCABULARY)) {
            assertThat(onClassPath.readAllBytes()).isEqualTo(packed);
        }
    }

    /**
     * A tiktoken file ({@code <base64 token> <rank>} per line, ranks 0, 1, 2, …, each token distinct, 1 to 255 bytes) in
     * the packed form {@link BytePairVocabulary} reads.
     */
    static byte[] pack(String tiktoken) throws IOException {
        List<byte[]> tokens = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String line : tiktoken.split("\n")) {
            String[] fields = line.split(" ");
            byte[] token = Base64.getDecoder().decode(fields[0]);
            assertThat(Integer.parseInt(fields[1])).as(line).isEqualTo(tokens.size());
            assertThat(token.length).as(line).isBetween(1, 255);
            assertThat(seen.add(Base64.getEncoder().encodeToString(token)))
                    .as("a token twice: %s", line)
                    .isTrue();
            tokens.add(token);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeBytes("BPE1");
            out.writeInt(tokens.size());
            for (byte[] token : tokens) {
                out.writeByte(token.length);
            }
            for (byte[] token : tokens) {
                out.write(token);
            }
        }
        return bytes.toByteArray();
    }
}
