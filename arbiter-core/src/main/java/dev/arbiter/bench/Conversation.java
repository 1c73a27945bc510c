package dev.arbiter.bench;

import java.util.List;

/**
 * A chat the benchmark plays: an optional system prompt (shared by all conversations when testing the prefix
 * cache) and one or more user turns. Turn k is sent with the whole history so far — system, the earlier user turns
 * and the assistant's actual answers — as a multi-turn client does.
 *
 * @param systemTokens estimated tokens of the system prompt (0 when there is none)
 */
public record Conversation(int id, String system, int systemTokens, List<Turn> turns) {
    public Conversation {
        if (turns == null || turns.isEmpty()) throw new IllegalArgumentException("a conversation needs at least one turn");
        turns = List.copyOf(turns);
        if (system != null && system.isEmpty()) system = null;
    }
}
