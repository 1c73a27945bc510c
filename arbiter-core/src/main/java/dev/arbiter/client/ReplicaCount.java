package dev.arbiter.client;

/**
 * What one replica of a replicated endpoint did in a run.
 *
 * @param endpoint  the replica's identity (protocol, URL, model); never a key
 * @param requests  calls sent to it (each retry counts)
 * @param failures  calls that ended in an error it was blamed for (connection, 5xx, timeout)
 * @param removals  times it was taken out of the rotation after failing
 */
public record ReplicaCount(String endpoint, long requests, long failures, long removals) {
    public ReplicaCount {
        if (endpoint == null || endpoint.isBlank()) throw new IllegalArgumentException("endpoint is required");
        if (requests < 0 || failures < 0 || removals < 0) throw new IllegalArgumentException("counts must be >= 0");
    }

    public ReplicaCount plus(ReplicaCount o) {
        return new ReplicaCount(endpoint, requests + o.requests, failures + o.failures, removals + o.removals);
    }
}
