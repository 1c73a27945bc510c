package dev.arbiter.client;

import dev.arbiter.util.Ticker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Several replicas of one served model behind one client ({@code --endpoint} given more than once). Each request
 * goes to the replica with the fewest requests in flight (ties: the one asked least, then the first), among those
 * in rotation. A replica that fails the way a dead or sick server fails — refused or dropped connection, timeout,
 * 5xx — is taken out of rotation for {@code cooldown} and the request is sent at once to the next replica, so a
 * replica dying mid-run loses no sample; after the cooldown it is tried again. Errors of the request itself (400,
 * 401, 404, a prompt over the context, 429) are the caller's, as with one endpoint. When every replica is out, the
 * one due back first is tried. Thread-safe.
 */
public final class ReplicaSetClient implements ModelClient {
    /** Failures that say the replica, not the request, is at fault. */
    private static final Set<ModelException.Kind> REPLICA_FAULTS = EnumSet.of(ModelException.Kind.CONNECTION,
            ModelException.Kind.REFUSED, ModelException.Kind.TIMEOUT, ModelException.Kind.SERVER_ERROR);
    public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(30);

    private final List<Replica> replicas;
    private final Ticker ticker;
    private final long cooldownNanos;

    public ReplicaSetClient(List<ModelClient> clients, Ticker ticker, Duration cooldown) {
        if (clients == null || clients.size() < 2) throw new IllegalArgumentException("a replica set needs at least 2 clients");
        if (cooldown.isNegative()) throw new IllegalArgumentException("cooldown must be >= 0, got " + cooldown);
        List<Replica> r = new ArrayList<>();
        for (ModelClient c : clients) r.add(new Replica(c));
        this.replicas = List.copyOf(r);
        this.ticker = ticker;
        this.cooldownNanos = cooldown.toNanos();
    }

    @Override
    public GenerateResponse generate(GenerateRequest request) {
        return call(c -> c.generate(request));
    }

    @Override
    public Capabilities probe() {
        return call(ModelClient::probe);
    }

    @Override
    public List<String> listModels() {
        return call(ModelClient::listModels);
    }

    /** Each replica tried at most once per call, the healthiest first; the last replica fault is thrown. */
    private <T> T call(Function<ModelClient, T> body) {
        List<Replica> tried = new ArrayList<>(replicas.size());
        ModelException last = null;
        while (tried.size() < replicas.size()) {
            Replica r = take(tried);
            tried.add(r);
            try {
                return body.apply(r.client);
            } catch (ModelException e) {
                if (!REPLICA_FAULTS.contains(e.kind())) throw e;
                fault(r);
                last = e;
            } finally {
                release(r);
            }
        }
        throw last;
    }

    /** The replica to ask next, not yet tried in this call; counts the request. */
    private synchronized Replica take(List<Replica> tried) {
        long now = ticker.nanos();
        Replica best = null;
        for (Replica r : replicas) {
            if (tried.contains(r) || r.downUntil > now) continue;
            if (best == null || r.outstanding < best.outstanding
                    || (r.outstanding == best.outstanding && r.requests < best.requests)) best = r;
        }
        if (best == null) {  // all out of rotation: the one due back first
            for (Replica r : replicas) {
                if (!tried.contains(r) && (best == null || r.downUntil < best.downUntil)) best = r;
            }
        }
        best.outstanding++;
        best.requests++;
        return best;
    }

    private synchronized void release(Replica r) {
        r.outstanding--;
    }

    private synchronized void fault(Replica r) {
        r.failures++;
        long now = ticker.nanos();
        if (r.downUntil <= now) r.removals++;
        r.downUntil = now + cooldownNanos;
    }

    /** What each replica did so far, in the order given. */
    public synchronized List<ReplicaCount> counts() {
        List<ReplicaCount> out = new ArrayList<>();
        for (Replica r : replicas) out.add(new ReplicaCount(r.client.describe(), r.requests, r.failures, r.removals));
        return out;
    }

    /** The replicas' identities joined: one experiment's identity as long as the set is the same. */
    @Override
    public String describe() {
        StringBuilder b = new StringBuilder("replicas[");
        for (int i = 0; i < replicas.size(); i++) b.append(i == 0 ? "" : " | ").append(replicas.get(i).client.describe());
        return b.append(']').toString();
    }

    @Override
    public void close() {
        for (Replica r : replicas) r.client.close();
    }

    /** One replica's state, guarded by the set's lock. */
    private static final class Replica {
        final ModelClient client;
        int outstanding;
        long requests;
        long failures;
        long removals;
        long downUntil = Long.MIN_VALUE;  // ticker nanos; in rotation when <= now

        Replica(ModelClient client) {
            this.client = client;
        }
    }
}
