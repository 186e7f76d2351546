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
            create = !existing.path("_meta").path(IndexTemplate.META_KEY).path("fingerprint").asText()
                    .equals(template.fingerprint(name));
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
}
