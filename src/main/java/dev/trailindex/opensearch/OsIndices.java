package dev.trailindex.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The indices of one trailindex on a cluster, named after its alias NAME: the monthly event indices
 * {@code NAME-events-YYYY.MM} (and {@code NAME-events-undated} for events without a time), the manifest of loaded
 * files {@code NAME-files}, and the differing copies of events {@code NAME-copies}.
 */
public final class OsIndices {
    /** The suffix of the event index of events without a usable time. */
    public static final String UNDATED = "undated";

    private final OsClient client;
    private final String name;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public OsIndices(OsClient client, String name) {
        this.client = client;
        this.name = name;
    }

    public String alias() {
        return name;
    }

    /** The event index of {@code month} ({@code YYYY.MM}), or of undated events when null. */
    public String events(String month) {
        return name + "-events-" + (month == null ? UNDATED : month);
    }

    public String files() {
        return name + "-files";
    }

    public String copies() {
        return name + "-copies";
    }

    /** Creates the event index unless it exists; the template gives it its mapping and adds it to the alias. */
    public void ensure(String index, boolean loading) {
        if (known.contains(index)) {
            return;
        }
        ObjectNode body = OsClient.JSON.createObjectNode();
        if (loading) {
            body.putObject("settings").putObject("index").put("refresh_interval", "-1");
        }
        OsClient.Response r = client.request("PUT", "/" + index, body);
        if (!r.ok() && !(r.status() == 400 && String.valueOf(r.body()).contains("resource_already_exists_exception"))) {
            throw OsErrors.of(client.connection(), "create the index " + index, r);
        }
        known.add(index);
    }

    /** Creates the manifest and copies indices unless they exist. */
    public void ensureBookkeeping() {
        create(files(), OsManifest.mapping());
        create(copies(), OsCopies.mapping());
    }

    private void create(String index, ObjectNode mappings) {
        if (client.exists("/" + index)) {
            return;
        }
        ObjectNode body = OsClient.JSON.createObjectNode();
        body.putObject("settings").putObject("index").put("number_of_shards", 1).put("codec", "best_compression");
        body.set("mappings", mappings);
        OsClient.Response r = client.request("PUT", "/" + index, body);
        if (!r.ok() && !String.valueOf(r.body()).contains("resource_already_exists_exception")) {
            throw OsErrors.of(client.connection(), "create the index " + index, r);
        }
    }

    /** During a load, refreshes wait for the end of the run (the same for every event index). */
    public void pauseRefresh() {
        setRefresh("-1");
    }

    /** Back to the cluster's default refresh, and everything written made searchable. */
    public void resumeRefresh() {
        setRefresh(null);
        client.refresh(IndexTemplate.eventsPattern(name) + "," + copies() + "," + files());
    }

    private void setRefresh(String value) {
        ObjectNode body = OsClient.JSON.createObjectNode();
        body.putObject("index").put("refresh_interval", value);
        OsClient.Response r = client.request("PUT", "/" + IndexTemplate.eventsPattern(name) + "/_settings?allow_no_indices=true", body);
        if (!r.ok()) {
            throw OsErrors.of(client.connection(), "set the refresh interval of " + IndexTemplate.eventsPattern(name), r);
        }
    }
}
