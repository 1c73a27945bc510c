package dev.arbiter.client.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.arbiter.client.http.WireJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming fast path reads every chunk exactly as the data binder does, falling back to it when unsure. */
class StreamChunksTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}",
            "{\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" é☃\\n\\\"q\\\"\"},\"finish_reason\":null,\"logprobs\":null}]}",
            "{\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":24,\"completion_tokens\":16,\"total_tokens\":40}}",
            "{\"model\":\"m\",\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"prompt_tokens_details\":{\"cached_tokens\":0}}}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"think\",\"content\":null}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"reasoning\":\"think\",\"tool_calls\":[{\"id\":\"x\"}]}}]}",
            "{\"choices\":[{\"index\":0,\"text\":\"completion text\",\"finish_reason\":\"length\"}]}",
            "{\"choices\":[null,{\"index\":1,\"delta\":{\"content\":\"b\"}},{\"index\":0,\"delta\":{\"content\":\"a\"}}]}",
            "{\"choices\":null,\"usage\":null,\"error\":null,\"model\":null}",
            "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"whole\"},\"finish_reason\":\"stop\"}]}",
            // not the common shape: the binder reads these
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"logprobs\":{\"content\":[{\"token\":\"a\",\"logprob\":-0.1,\"top_logprobs\":[]}]}}]}",
            "{\"error\":{\"message\":\"overloaded\",\"code\":503}}",
            "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},\"done\":false}",
            "{\"model\":7,\"choices\":[{\"index\":0,\"delta\":{\"content\":5}}],\"usage\":{\"prompt_tokens\":2.0}}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]} trailing",
    })
    void readsAChunkAsTheDataBinderDoes(String chunk) throws JsonProcessingException {
        CompletionBody bound = WireJson.MAPPER.readValue(chunk, CompletionBody.class);
        byte[] utf8 = chunk.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] framed = new byte[utf8.length + 10];
        System.arraycopy(utf8, 0, framed, 7, utf8.length);
        for (CompletionBody fast : java.util.List.of(StreamChunks.parse(chunk), StreamChunks.parse(framed, 7, utf8.length))) {
            same(fast, bound);
        }
    }

    private static void same(CompletionBody fast, CompletionBody bound) {
        assertThat(fast.model()).isEqualTo(bound.model());
        assertThat(fast.choices()).isEqualTo(bound.choices());
        assertThat(fast.usage()).isEqualTo(bound.usage());
        assertThat(fast.ollamaShaped()).isEqualTo(bound.ollamaShaped());
        assertThat(fast.error() != null && !fast.error().isNull()).isEqualTo(bound.error() != null && !bound.error().isNull());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"choices\":[{\"index\":0,", "[1,2]", "\"text\"", "{\"choices\":[{\"delta\":{\"content\":\"a\"}]}"})
    void leavesMalformedChunksToTheBinderAndItsMessage(String chunk) {
        assertThatThrownBy(() -> StreamChunks.parse(chunk)).isInstanceOf(JsonProcessingException.class);
    }

    @org.junit.jupiter.api.Test
    void bytesThatAreNotUtf8ReadAsTheirStringDecodingDoes() throws JsonProcessingException {
        byte[] bad = "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a?b\"}}]}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int q = new String(bad, java.nio.charset.StandardCharsets.US_ASCII).indexOf('?');
        bad[q] = (byte) 0xC3; // a lead byte without its continuation
        String decoded = new String(bad, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(StreamChunks.parse(bad, 0, bad.length).choices()).isEqualTo(StreamChunks.parse(decoded).choices());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"choices\":[{\"index\":0,", "[1,2]", "\"text\"", "{\"choices\":[{\"delta\":{\"content\":\"a\"}]}"})
    void leavesMalformedByteChunksToTheBinderAndItsMessage(String chunk) {
        byte[] b = chunk.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> StreamChunks.parse(b, 0, b.length)).isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining(messageOf(chunk));
    }

    private static String messageOf(String chunk) {
        try {
            StreamChunks.parse(chunk);
            throw new AssertionError("expected a failure");
        } catch (JsonProcessingException e) {
            return e.getOriginalMessage();
        }
    }
}
