package dev.arbiter.probe;

import java.util.List;

/**
 * A file of probes.
 *
 * @param baseSystem the deployment's system prompt every probe's rules are appended to (a user's own replaces it)
 * @param sha256     of the file's bytes, for the run manifest
 */
public record ProbePack(String id, int version, String source, String baseSystem, List<Probe> probes, String sha256) {
    public ProbePack {
        probes = List.copyOf(probes);
    }
}
