import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;

/**
 * The peer a user would pick instead of an index: DuckDB with the events loaded into a table of its own, the way
 * Turbot Tailpipe keeps CloudTrail (one table, typed columns for the common fields, the nested objects as JSON).
 * <pre>
 *   java -cp duckdb_jdbc.jar benchmarks/src/DuckTable.java load DB LOGS_DIR        load; prints seconds, rows, bytes
 *   java -cp duckdb_jdbc.jar benchmarks/src/DuckTable.java query DB NAME [ARG...]  one question, as a fresh process
 *   java -cp duckdb_jdbc.jar benchmarks/src/DuckTable.java bench DB NAME=ARG...    the questions warm, JSON lines
 * </pre>
 * Questions: count KEY, all KEY (every event of the key, written as JSON lines to stdout), page KEY (100 newest),
 * facet (eventName top 10 over everything), window FROM TO (100 newest), nested BUCKET (100 newest with that
 * requestParameters.bucketName), word WORD (100 newest whose text holds it), cidr PREFIX (100 newest from an
 * address starting with PREFIX, e.g. 198.51.100. for a /24). Two threads, as the other tools get.
 */
public final class DuckTable {
    /** The typed columns, as Tailpipe's CloudTrail table has them, and the nested objects as JSON. */
    static final String COLUMNS = String.join(", ",
            "\"eventVersion\" VARCHAR", "\"userIdentity\" JSON", "\"eventTime\" VARCHAR", "\"eventSource\" VARCHAR", "\"eventName\" VARCHAR",
            "\"awsRegion\" VARCHAR", "\"sourceIPAddress\" VARCHAR", "\"userAgent\" VARCHAR", "\"errorCode\" VARCHAR", "\"errorMessage\" VARCHAR",
            "\"requestParameters\" JSON", "\"responseElements\" JSON", "\"additionalEventData\" JSON", "\"requestID\" VARCHAR", "\"eventID\" VARCHAR",
            "\"readOnly\" BOOLEAN", "\"resources\" JSON", "\"eventType\" VARCHAR", "\"managementEvent\" BOOLEAN", "\"recipientAccountId\" VARCHAR",
            "\"sharedEventID\" VARCHAR", "\"vpcEndpointId\" VARCHAR", "\"eventCategory\" VARCHAR", "\"tlsDetails\" JSON",
            "\"sessionCredentialFromConsole\" VARCHAR");

    static final String SELECT = String.join(",\n  ",
            "r.eventVersion AS event_version",
            "r.userIdentity->>'type' AS user_identity_type",
            "r.userIdentity->>'arn' AS user_identity_arn",
            "r.userIdentity->>'accountId' AS user_identity_account_id",
            "r.userIdentity->>'accessKeyId' AS user_identity_access_key_id",
            "r.userIdentity->>'principalId' AS user_identity_principal_id",
            "r.userIdentity AS user_identity",
            "CAST(r.eventTime AS TIMESTAMP) AS event_time",
            "r.eventSource AS event_source", "r.eventName AS event_name", "r.awsRegion AS aws_region",
            "r.sourceIPAddress AS source_ip_address", "r.userAgent AS user_agent", "r.errorCode AS error_code",
            "r.errorMessage AS error_message", "r.requestParameters AS request_parameters", "r.responseElements AS response_elements",
            "r.additionalEventData AS additional_event_data", "r.requestID AS request_id", "r.eventID AS event_id",
            "r.readOnly AS read_only", "r.resources AS resources", "r.eventType AS event_type", "r.managementEvent AS management_event",
            "r.recipientAccountId AS recipient_account_id", "r.sharedEventID AS shared_event_id", "r.vpcEndpointId AS vpc_endpoint_id",
            "r.eventCategory AS event_category", "r.tlsDetails AS tls_details", "r.sessionCredentialFromConsole AS session_credential_from_console");

    public static void main(String[] args) throws Exception {
        String db = args[1];
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement st = c.createStatement()) {
            st.execute("SET threads TO 2");
            switch (args[0]) {
                case "load" -> load(st, Path.of(db), args[2]);
                case "query" -> {
                    OutputStream out = System.out;
                    long[] n = run(st, args[2], Arrays.copyOfRange(args, 3, args.length), out);
                    out.flush();
                    System.err.println(args[2] + ": " + n[0] + " rows, " + n[1] + " bytes");
                }
                case "bench" -> bench(st, Arrays.copyOfRange(args, 2, args.length));
                default -> throw new IllegalArgumentException("usage: load DB DIR | query DB NAME ARG... | bench DB NAME=ARG...");
            }
        }
    }

    static void load(Statement st, Path db, String dir) throws Exception {
        String glob = (dir + "/**/*.json.gz").replace("'", "''");
        long t0 = System.nanoTime();
        st.execute("CREATE OR REPLACE TABLE events AS SELECT\n  " + SELECT + "\nFROM (SELECT unnest(Records) AS r FROM read_json('" + glob
                + "', columns={'Records': 'STRUCT(" + COLUMNS.replace("'", "''") + ")[]'}, format='auto', maximum_object_size=268435456))");
        st.execute("CHECKPOINT");
        double secs = (System.nanoTime() - t0) / 1e9;
        long rows;
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM events")) {
            rs.next();
            rows = rs.getLong(1);
        }
        System.out.printf("{\"seconds\": %.2f, \"rows\": %d, \"bytes\": %d}%n", secs, rows, Files.size(db));
    }

    /** The SQL of one question; a query that returns events returns each as one JSON object. */
    static String sql(String name, String[] a) {
        String events = "SELECT to_json(e) FROM events e WHERE ";
        String newest = " ORDER BY event_time DESC, event_id LIMIT 100";
        return switch (name) {
            case "count" -> "SELECT count(*) FROM events WHERE user_identity_access_key_id = " + lit(a[0]);
            case "all" -> events + "user_identity_access_key_id = " + lit(a[0]);
            case "page" -> events + "user_identity_access_key_id = " + lit(a[0]) + newest;
            case "facet" -> "SELECT event_name, count(*) AS n FROM events GROUP BY event_name ORDER BY n DESC, event_name LIMIT 10";
            case "window" -> events + "event_time BETWEEN CAST(" + lit(a[0].replace("Z", "")) + " AS TIMESTAMP) AND CAST(" + lit(a[1].replace("Z", ""))
                    + " AS TIMESTAMP)" + newest;
            case "nested" -> events + "request_parameters->>'bucketName' = " + lit(a[0]) + newest;
            case "word" -> events + "(CAST(request_parameters AS VARCHAR) ILIKE " + lit("%" + a[0] + "%") + " OR CAST(response_elements AS VARCHAR) ILIKE "
                    + lit("%" + a[0] + "%") + " OR error_message ILIKE " + lit("%" + a[0] + "%") + ")" + newest;
            case "cidr" -> events + "starts_with(source_ip_address, " + lit(a[0]) + ")" + newest;
            default -> throw new IllegalArgumentException("no such question: " + name);
        };
    }

    /** The count of a question without its limit, to check the answers agree. */
    static String countSql(String name, String[] a) {
        String s = sql(name, a);
        if (name.equals("facet")) {
            return "SELECT count(*) FROM events";
        }
        if (name.equals("count")) {
            return s;
        }
        return "SELECT count(*) FROM events e WHERE " + s.substring(s.indexOf("WHERE ") + 6).replace(" ORDER BY event_time DESC, event_id LIMIT 100", "");
    }

    static String lit(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** Runs one question and writes its rows as lines to {@code out} (null: only counts); returns rows and bytes. */
    static long[] run(Statement st, String name, String[] a, OutputStream out) throws Exception {
        long rows = 0;
        long bytes = 0;
        try (ResultSet rs = st.executeQuery(sql(name, a))) {
            int cols = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= cols; i++) {
                    sb.append(i > 1 ? "\t" : "").append(rs.getString(i));
                }
                byte[] line = sb.append('\n').toString().getBytes(StandardCharsets.UTF_8);
                if (out != null) {
                    out.write(line);
                }
                rows++;
                bytes += line.length;
            }
        }
        return new long[] {rows, bytes};
    }

    static void bench(Statement st, String[] questions) throws Exception {
        for (String q : questions) {
            int eq = q.indexOf('=');
            String label = q.substring(0, eq);
            String name = label.replaceAll("-.*", "");
            String[] a = q.substring(eq + 1).isEmpty() ? new String[0] : q.substring(eq + 1).split("\\|");
            long hits;
            try (ResultSet rs = st.executeQuery(countSql(name, a))) {
                rs.next();
                hits = rs.getLong(1);
            }
            int warm = name.equals("all") ? 3 : 5;
            int runs = name.equals("all") ? 15 : 30;
            long[] last = null;
            for (int i = 0; i < warm; i++) {
                last = run(st, name, a, null);
            }
            long[] t = new long[runs];
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                last = run(st, name, a, null);
                t[i] = System.nanoTime() - s;
            }
            Arrays.sort(t);
            System.out.printf("{\"name\":\"%s\",\"hits\":%d,\"rows\":%d,\"bytes\":%d,\"median_ms\":%.3f,\"p95_ms\":%.3f,\"runs\":%d}%n", label, hits, last[0], last[1],
                    t[runs / 2] / 1e6, t[(int) (runs * 0.95)] / 1e6, runs);
        }
    }
}
