package dev.arbiter.client;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointConfigLoaderTest {
    private final EndpointConfigLoader loader = new EndpointConfigLoader();

    private List<Endpoint> parse(String yaml) {
        return loader.parse(new StringReader(yaml), "endpoints.yaml");
    }

    @Test
    void readsEveryField() {
        List<Endpoint> es = parse("""
                - name: local-vllm
                  url: http://127.0.0.1:8000
                  api: openai
                  model: Qwen/Qwen2.5-7B-Instruct
                  api_key_env: VLLM_KEY
                  concurrency: 32
                  requests_per_minute: 600
                  connect_timeout_s: 2.5
                  request_timeout_s: 120
                  price_per_million_in: 0.15
                  price_per_million_out: 0.6
                - name: ollama
                  url: http://127.0.0.1:11434
                  api: ollama
                  model: qwen2.5:7b
                """);
        assertThat(es).containsExactly(
                new Endpoint("local-vllm", URI.create("http://127.0.0.1:8000"), ApiFlavor.openai, "Qwen/Qwen2.5-7B-Instruct",
                        "VLLM_KEY", 32, 600.0, Duration.ofMillis(2500), Duration.ofSeconds(120), 0.15, 0.6),
                new Endpoint("ollama", URI.create("http://127.0.0.1:11434"), ApiFlavor.ollama, "qwen2.5:7b", null, 16,
                        null, Duration.ofSeconds(10), Duration.ofMinutes(10), null, null));
    }

    @Test
    void acceptsTheListUnderAnEndpointsKey() {
        assertThat(parse("endpoints:\n  - name: a\n    url: http://h:1\n")).extracting(Endpoint::name).containsExactly("a");
    }

    @Test
    void readsAnEmptyFileAsNoEndpoints() {
        assertThat(parse("")).isEmpty();
    }

    @Test
    void namesTheLineOfAnUnknownField() {
        assertThatThrownBy(() -> parse("- name: a\n  url: http://h:1\n  modle: x\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("endpoints.yaml line 3: unknown field 'modle'");
    }

    @Test
    void namesTheFileLineEndpointAndFieldOfABadNumber() {
        assertThatThrownBy(() -> parse("- name: a\n  url: http://h:1\n- name: b\n  url: http://h:2\n  concurrency: lots\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("endpoints.yaml line 5, endpoint 'b', field 'concurrency': expected a whole number >= 1, got 'lots'");
    }

    @Test
    void rejectsANegativeTimeout() {
        assertThatThrownBy(() -> parse("- name: a\n  url: http://h:1\n  request_timeout_s: -1\n"))
                .hasMessage("endpoints.yaml line 3, endpoint 'a', field 'request_timeout_s': expected a number > 0, got -1");
    }

    @Test
    void rejectsAnUnknownApi() {
        assertThatThrownBy(() -> parse("- name: a\n  url: http://h:1\n  api: anthropic\n"))
                .hasMessage("endpoints.yaml line 3, endpoint 'a', field 'api': expected openai or ollama, got 'anthropic'");
    }

    @Test
    void requiresNameAndUrl() {
        assertThatThrownBy(() -> parse("- url: http://h:1\n")).hasMessageContaining("line 1").hasMessageContaining("field 'name': is required");
        assertThatThrownBy(() -> parse("- name: a\n")).hasMessageContaining("field 'url': is required");
    }

    @Test
    void rejectsAUrlThatIsNotHttp() {
        assertThatThrownBy(() -> parse("- name: a\n  url: ftp://h:1\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 2, endpoint 'a', field 'url'");
    }

    @Test
    void rejectsAKeyWhereTheVariableNameBelongsWithoutEchoingIt() {
        assertThatThrownBy(() -> parse("- name: a\n  url: http://h:1\n  api_key_env: sk-proj-abc123-def\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 3, endpoint 'a', field 'api_key_env'")
                .message().doesNotContain("sk-proj-abc123-def");
    }

    @Test
    void rejectsADuplicateName() {
        assertThatThrownBy(() -> parse("- name: a\n  url: http://h:1\n- name: a\n  url: http://h:2\n"))
                .hasMessage("endpoints.yaml line 3, field 'name': endpoint 'a' is already defined at line 1");
    }

    @Test
    void reportsInvalidYamlWithItsLine() {
        assertThatThrownBy(() -> parse("- name: a\n  url: [http://h:1\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("endpoints.yaml line ");
    }

    @Test
    void findsAnEndpointByNameInAFile(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("endpoints.yaml"), "- name: a\n  url: http://h:1\n- name: b\n  url: http://h:2\n");
        assertThat(loader.find(f, "b").baseUrl()).isEqualTo(URI.create("http://h:2"));
        assertThatThrownBy(() -> loader.find(f, "c")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no endpoint named 'c' (defined: a, b)");
    }

    @Test
    void reportsAMissingFileAsUnavailable(@TempDir Path dir) {
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.yaml"))).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("nope.yaml");
    }
}
