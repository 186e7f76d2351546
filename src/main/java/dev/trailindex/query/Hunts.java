package dev.trailindex.query;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailindex.schema.SchemaException;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The named forensic searches shipped in {@code index-schema/hunts.json}. */
public final class Hunts {
    public static final String BUNDLED = "index-schema/hunts.json";

    /**
     * One hunt.
     *
     * @param name        short name for {@code trailindex hunt NAME}
     * @param title       one line on what it finds
     * @param why         one sentence on why it matters
     * @param query       the search, in trailindex's query language (blank: every event)
     * @param groupBy     a facetable field whose values are counted among the hits, or null
     * @param rarestFirst list the least frequent groupBy values first
     */
    public record Hunt(String name, String title, String why, String query, String groupBy, boolean rarestFirst) {
        @JsonCreator
        public Hunt(@JsonProperty("name") String name, @JsonProperty("title") String title,
                @JsonProperty("why") String why, @JsonProperty("query") String query,
                @JsonProperty("groupBy") String groupBy, @JsonProperty("rarestFirst") boolean rarestFirst) {
            if (name == null || title == null || why == null || query == null) {
                throw new IllegalArgumentException("a hunt needs name, title, why and query");
            }
            this.name = name;
            this.title = title;
            this.why = why;
            this.query = query;
            this.groupBy = groupBy;
            this.rarestFirst = rarestFirst;
        }
    }

    private record HuntsFile(String description, List<Hunt> hunts) {
        @JsonCreator
        HuntsFile(@JsonProperty("description") String description, @JsonProperty("hunts") List<Hunt> hunts) {
            this.description = description;
            this.hunts = hunts == null ? List.of() : List.copyOf(hunts);
        }
    }

    private final Map<String, Hunt> byName = new LinkedHashMap<>();

    private Hunts(List<Hunt> hunts) {
        for (Hunt h : hunts) {
            if (byName.put(h.name(), h) != null) {
                throw new SchemaException(BUNDLED + ": hunt '" + h.name() + "' is declared twice");
            }
        }
    }

    /** The hunts bundled with this build, parsed strictly. */
    public static Hunts bundled() {
        try (InputStream in = Hunts.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new SchemaException(BUNDLED + " is missing from the classpath; rebuild trailindex");
            }
            ObjectMapper m = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            return new Hunts(m.readValue(in, HuntsFile.class).hunts());
        } catch (IOException e) {
            throw new SchemaException(BUNDLED + ": " + e.getMessage(), e);
        }
    }

    public List<Hunt> all() {
        return List.copyOf(byName.values());
    }

    public Optional<Hunt> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
