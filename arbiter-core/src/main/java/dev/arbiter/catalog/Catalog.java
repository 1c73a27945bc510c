package dev.arbiter.catalog;

import dev.arbiter.error.InvalidInputException;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An immutable set of models and licences, looked up by id. */
public record Catalog(List<Model> models, Map<String, License> licenses) {
    public Catalog {
        models = List.copyOf(models);
        licenses = Map.copyOf(licenses);
    }

    public Optional<Model> find(String id) {
        String key = id.toLowerCase(Locale.ROOT);
        return models.stream().filter(m -> m.id().equals(key)).findFirst();
    }

    /** The model, or an input error that suggests the nearest ids. */
    public Model get(String id) {
        return find(id).orElseThrow(() -> new InvalidInputException("unknown model '" + id + "'"
                + Suggest.nearest(id, models.stream().map(Model::id).toList())
                + " (./arbiter models lists them)"));
    }

    public List<Model> sorted() {
        return models.stream().sorted(Comparator.comparing(Model::family, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(m -> m.officialParams().total())).toList();
    }
}
