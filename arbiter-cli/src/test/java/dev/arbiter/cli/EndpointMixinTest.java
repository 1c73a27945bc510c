package dev.arbiter.cli;

import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.Endpoint;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointMixinTest {
    @CommandLine.Command(name = "t")
    static final class Cmd implements Runnable {
        @CommandLine.Mixin EndpointMixin endpoint;
        @Override public void run() { }
    }

    private static EndpointMixin parse(String... args) {
        Cmd c = new Cmd();
        new CommandLine(c).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        return c.endpoint;
    }

    @Test
    void buildsAnEndpointFromAUrlAndModel() {
        Endpoint e = parse("--endpoint", "http://127.0.0.1:8000", "--model", "Qwen/Qwen2.5-7B-Instruct", "--api-key-env", "MY_KEY").resolve();
        assertThat(e.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8000"));
        assertThat(e.api()).isEqualTo(ApiFlavor.openai);
        assertThat(e.model()).isEqualTo("Qwen/Qwen2.5-7B-Instruct");
        assertThat(e.apiKeyEnv()).isEqualTo("MY_KEY");
    }

    @Test
    void speaksOllamasOwnApiOnItsPortUnlessToldOtherwise() {
        assertThat(parse("--endpoint", "http://127.0.0.1:11434", "--model", "qwen2.5:7b").resolve().api()).isEqualTo(ApiFlavor.ollama);
        assertThat(parse("--endpoint", "http://127.0.0.1:11434", "--model", "q", "--api", "openai").resolve().api()).isEqualTo(ApiFlavor.openai);
    }

    @Test
    void requiresAModelWithAUrl() {
        assertThatThrownBy(() -> parse("--endpoint", "http://127.0.0.1:8000").resolve())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--model is required");
    }

    @Test
    void requiresAnEndpoint() {
        assertThatThrownBy(() -> parse().resolve()).isInstanceOf(InvalidInputException.class).hasMessageContaining("--endpoint is required");
    }

    @Test
    void aHostAndPortWithoutSchemeIsBadUsageThatSuggestsTheUrl() {
        // only meaningful when the default endpoints config is absent, as on a fresh install
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(Home.dir().resolve("endpoints.yaml")));
        assertThatThrownBy(() -> parse("--endpoint", "127.0.0.1:8000", "--model", "m").resolve())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'127.0.0.1:8000' is not a URL (expected e.g. http://127.0.0.1:8000)");
    }

    @Test
    void rejectsAUrlThatIsNotHttp() {
        assertThatThrownBy(() -> parse("--endpoint", "ftp://h:1", "--model", "m").resolve())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("http(s)");
    }

    @Test
    void resolvesANamedEndpointFromTheConfigWithFlagsOverriding(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("endpoints.yaml"),
                "- name: gpu-box\n  url: http://gpu-box.internal:8000\n  model: llama\n  concurrency: 8\n  api_key_env: BOX_KEY\n");
        Endpoint e = parse("--endpoint", "gpu-box", "--endpoints-config", f.toString()).resolve();
        assertThat(e.name()).isEqualTo("gpu-box");
        assertThat(e.concurrency()).isEqualTo(8);
        assertThat(e.model()).isEqualTo("llama");
        Endpoint o = parse("--endpoint", "gpu-box", "--endpoints-config", f.toString(), "--model", "qwen", "--api", "ollama").resolve();
        assertThat(o.model()).isEqualTo("qwen");
        assertThat(o.api()).isEqualTo(ApiFlavor.ollama);
        assertThat(o.apiKeyEnv()).isEqualTo("BOX_KEY");
    }

    @Test
    void namesTheConfigFileWhenANameIsUnknown(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("endpoints.yaml"), "- name: a\n  url: http://h:1\n");
        assertThatThrownBy(() -> parse("--endpoint", "b", "--endpoints-config", f.toString()).resolve())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(f.toString()).hasMessageContaining("'b'");
        assertThatThrownBy(() -> parse("--endpoint", "a", "--endpoints-config", dir.resolve("missing.yaml").toString()).resolve())
                .isInstanceOf(UnavailableException.class).hasMessageContaining("missing.yaml");
    }
}
