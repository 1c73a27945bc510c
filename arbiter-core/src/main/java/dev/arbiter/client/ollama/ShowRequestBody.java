package dev.arbiter.client.ollama;

/** Body of POST /api/show. */
record ShowRequestBody(String model) {}
