package dev.arbiter.client.openai;

/** One part of a multimodal user turn: {@code {"type":"text","text":…}} or {@code {"type":"image_url","image_url":{"url":…}}}. */
record ContentPart(String type, String text, ImageUrl imageUrl) {
    record ImageUrl(String url) {}

    static ContentPart text(String text) { return new ContentPart("text", text, null); }

    static ContentPart image(String dataUrl) { return new ContentPart("image_url", null, new ImageUrl(dataUrl)); }
}
