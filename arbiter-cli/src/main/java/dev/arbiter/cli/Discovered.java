package dev.arbiter.cli;

import dev.arbiter.client.DiscoveredEndpoint;
import dev.arbiter.client.Endpoint;
import dev.arbiter.client.EndpointDiscovery;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;

import java.io.PrintWriter;
import java.util.List;

/** {@code eval} without {@code --endpoint}: use the one local server found, or say what to start. */
final class Discovered {
    /** Ports tried; tests replace them with their own. */
    static List<Integer> ports = EndpointDiscovery.DEFAULT_PORTS;

    private Discovered() {}

    static Endpoint endpoint(EndpointMixin flags, PrintWriter err) {
        List<DiscoveredEndpoint> found = new EndpointDiscovery("127.0.0.1", ports, EndpointDiscovery.DEFAULT_TIMEOUT).discover();
        if (found.isEmpty()) throw new UnavailableException(EndpointsCommand.nothingFound(ports).replaceFirst("^arbiter: ", ""));
        List<DiscoveredEndpoint> usable = flags.model == null ? found
                : found.stream().filter(d -> d.models().isEmpty() || d.models().contains(flags.model)).toList();
        if (usable.isEmpty()) {
            throw new InvalidInputException("no local server offers model '" + flags.model + "'; found: "
                    + found.stream().map(d -> d.url() + " " + d.models()).toList());
        }
        DiscoveredEndpoint d = usable.get(0);
        String model = flags.model != null ? flags.model : d.models().size() == 1 ? d.models().get(0) : null;
        if (model == null) {
            throw new InvalidInputException("found " + d.server() + " at " + d.url() + " with models " + d.models()
                    + "; choose one with --model");
        }
        err.println("arbiter: using " + d.server() + " at " + d.url() + " (model " + model + "); pass --endpoint to choose another");
        return Endpoint.of(d.url(), flags.api != null ? flags.api : d.api(), model).withApiKeyEnv(flags.apiKeyEnv);
    }
}
