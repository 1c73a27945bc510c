package dev.arbiter.catalog;

import dev.arbiter.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A hand-edited catalogue entry with a misspelt or missing key is refused where the mistake is, not later. */
class CatalogLoaderFieldsTest {
    static final String ENTRY = """
            models:
              - id: my-model
                name: My model
                license_id: apache-2.0
            %s
                architecture: {source: x, layers: 2, hidden_size: 64, attention_heads: 4, kv_heads: 4, head_dim: 16, vocab_size: 100, tied_embeddings: true, intermediate_size: 128}
                official_params: {total: 1000000, active: 1000000, source: x}
            """;

    static Path write(Path dir, String extra) throws Exception {
        Path f = dir.resolve("m.yaml");
        Files.writeString(f, ENTRY.formatted(extra));
        return f;
    }

    @Test
    void aMisspeltKeyIsRefusedWithTheFileLineFieldAndASuggestion(@TempDir Path dir) throws Exception {
        Path f = write(dir, "    contex_length: 8192");
        assertThatThrownBy(() -> new CatalogLoader().load(List.of(f)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("m.yaml line 2")
                .hasMessageContaining("unknown field 'contex_length'")
                .hasMessageContaining("did you mean context_length");
    }

    @Test
    void aMisspeltNestedKeyIsRefusedWithItsPath(@TempDir Path dir) throws Exception {
        Path f = write(dir, "    context_length: 8192\n    scores:\n      - {benchmark: mmlu, valeu: 50, variant: base, kind: vendor, source: x}");
        assertThatThrownBy(() -> new CatalogLoader().load(List.of(f)))
                .hasMessageContaining("unknown field 'scores[0].valeu'").hasMessageContaining("did you mean value");
    }

    @Test
    void aMissingKeyIsSaidToBeMissing(@TempDir Path dir) throws Exception {
        Path f = write(dir, "");
        assertThatThrownBy(() -> new CatalogLoader().load(List.of(f)))
                .hasMessageContaining("context_length is missing");
    }
}
