import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The same questions answered by DuckDB over the raw gzip'd delivery files, for the benchmark's comparison.
 * Every event is read from the Records arrays as JSON and filtered with DuckDB's JSON functions, the robust way
 * over CloudTrail's varying shapes. Run: java -cp duckdb_jdbc.jar benchmarks/src/DuckQuery.java DIR WHERE [events]
 * (WHERE is a SQL condition on the JSON event r, e.g. json_extract_string(r,'$.eventName')='ConsoleLogin'). Prints
 * the count and seconds, or with {@code events} every matching event as one JSON line.
 */
public final class DuckQuery {
    public static void main(String[] args) throws Exception {
        String glob = args[0] + "/**/*.json.gz";
        boolean events = args.length > 2 && args[2].equals("events");
        String sql = "SELECT " + (events ? "r" : "count(*)") + " FROM (SELECT unnest(Records) AS r FROM read_json('" + glob.replace("'", "''")
                + "', columns={'Records': 'JSON[]'}, maximum_object_size=268435456, ignore_errors=true)) WHERE " + args[1];
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SET threads TO 2");
            long start = System.nanoTime();
            try (ResultSet rs = st.executeQuery(sql)) {
                if (events) {
                    PrintStream out = new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false, "UTF-8");
                    while (rs.next()) {
                        out.println(rs.getString(1));
                    }
                    out.flush();
                } else {
                    rs.next();
                    System.out.printf("%d %.2f%n", rs.getLong(1), (System.nanoTime() - start) / 1e9);
                }
            }
        }
    }
}
