package dev.arbiter.client.http;

/**
 * One server-sent event. {@code data} joins the event's {@code data:} lines with LF; {@code event} is null when the
 * server gave no {@code event:} field (the spec's default type "message").
 */
public record SseEvent(String event, String data, String id) {}
