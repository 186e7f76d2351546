package dev.trailindex.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.schema.Schema;

/** Installs a trailindex on a cluster: template, first index, bookkeeping indices. Idempotent. */
public final class OsSetup {
    /** What setup did. */
    public record Result(boolean templateCreated, String files, String copies) {
    }

    private OsSetup() {
    }

    /**
     * Installs {@code template} for alias {@code name} unless the identical one is there; a trailindex template of
     * another schema version is refused with one line (its data would not match this version's queries).
     */
    public static Result install(OsClient client, Schema schema, IndexTemplate template, String name) {
        String path = "/_index_template/" + IndexTemplate.templateName(name);
        OsClient.Response had = client.request("GET", path, null);
        boolean create = true;
        if (had.ok()) {
            IndexTemplate.check(client, schema, name);
            JsonNode existing = had.body().path("index_templates").path(0).path("index_template");
            create = !existing.path("template").path("mappings").equals(normalised(client, template, name));
        } else if (had.status() != 404) {
            throw OsErrors.of(client.connection(), "read the template", had);
        }
        if (create) {
            client.put(path, template.body(name));
        }
        OsIndices indices = new OsIndices(client, name);
        indices.ensure(indices.events(null), false);
        indices.ensureBookkeeping();
        return new Result(create, indices.files(), indices.copies());
    }

    /** The mappings as the cluster returns them (it expands dotted names): simulated from the body. */
    private static JsonNode normalised(OsClient client, IndexTemplate template, String name) {
        OsClient.Response r = client.request("POST", "/_index_template/_simulate", template.body(name));
        return r.ok() ? r.body().path("template").path("mappings") : null;
    }
}
