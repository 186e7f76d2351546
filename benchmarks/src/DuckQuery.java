import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The same questions answered by DuckDB over the raw gzip'd delivery files, for the benchmark's comparison.
 * Every event is read from the Records arrays as JSON and filtered with DuckDB's JSON functions, the robust way
 * over CloudTrail's varying shapes. Run: java -cp duckdb_jdbc.jar benchmarks/src/DuckQuery.java DIR WHERE
 * (WHERE is a SQL condition on the JSON event r, e.g. json_extract_string(r,'$.eventName')='ConsoleLogin').
 */
public final class DuckQuery {
    public static void main(String[] args) throws Exception {
        String glob = args[0] + "/**/*.json.gz";
        String sql = "SELECT count(*) FROM (SELECT unnest(Records) AS r FROM read_json('" + glob.replace("'", "''")
                + "', columns={'Records': 'JSON[]'}, maximum_object_size=268435456, ignore_errors=true)) WHERE " + args[1];
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SET threads TO 2");
            long start = System.nanoTime();
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                System.out.printf("%d %.2f%n", rs.getLong(1), (System.nanoTime() - start) / 1e9);
            }
        }
    }
}
