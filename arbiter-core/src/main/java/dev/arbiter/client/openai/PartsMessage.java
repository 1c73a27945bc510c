package dev.arbiter.client.openai;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.ImagePart;

import java.util.ArrayList;
import java.util.List;

/**
 * A request turn whose {@code content} is a list of parts, as the OpenAI chat API takes images: the text first, then
 * each image as a base64 {@code data:} URL (vLLM, llama.cpp's server with an mmproj, LiteLLM and TGI accept this form;
 * none of them fetches a remote URL on our behalf, so nothing leaves the user's machine).
 */
record PartsMessage(String role, List<ContentPart> content) {
    static Object of(ChatMessage m) {
        if (!m.hasImages()) return WireMessage.of(m);
        List<ContentPart> parts = new ArrayList<>();
        if (!m.content().isEmpty()) parts.add(ContentPart.text(m.content()));
        for (ImagePart image : m.images()) parts.add(ContentPart.image(image.dataUrl()));
        return new PartsMessage(m.role(), parts);
    }

    /** This turn as the mapper writes it (null fields left out); for {@link ChatRequestBody#write}. */
    void write(com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException {
        g.writeStartObject();
        if (role != null) g.writeStringField("role", role);
        if (content != null) {
            g.writeArrayFieldStart("content");
            for (ContentPart p : content) {
                g.writeStartObject();
                if (p.type() != null) g.writeStringField("type", p.type());
                if (p.text() != null) g.writeStringField("text", p.text());
                if (p.imageUrl() != null) {
                    g.writeObjectFieldStart("image_url");
                    if (p.imageUrl().url() != null) g.writeStringField("url", p.imageUrl().url());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
