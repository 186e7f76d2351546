package dev.trailindex.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The self-contained web page, served with a Content-Security-Policy that allows exactly its own inline scripts
 * (by hash), requests to its own origin and nothing else: nothing is fetched from the internet, and a script
 * smuggled into the page through event data would not run.
 */
final class WebPage {
    static final String RESOURCE = "web/index.html";
    private static final Pattern SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

    private final byte[] html;
    private final String csp;

    private WebPage(byte[] html) {
        this.html = html;
        List<String> hashes = new ArrayList<>();
        Matcher m = SCRIPT.matcher(new String(html, StandardCharsets.UTF_8));
        while (m.find()) {
            hashes.add("'sha256-" + Base64.getEncoder().encodeToString(sha256(m.group(1).getBytes(StandardCharsets.UTF_8))) + "'");
        }
        this.csp = "default-src 'none'; script-src " + String.join(" ", hashes) + "; style-src 'unsafe-inline'; "
                + "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    static WebPage bundled() {
        try (InputStream in = WebPage.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath; rebuild trailindex");
            }
            return new WebPage(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void serve(HttpExchange ex) throws IOException {
        TrailIndexHandler.send(ex, 200, "text/html", html, Map.of("Content-Security-Policy", csp, "X-Frame-Options", "DENY"));
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
