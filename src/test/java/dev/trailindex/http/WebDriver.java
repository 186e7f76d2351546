package dev.trailindex.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Just enough of the W3C WebDriver protocol to drive Debian's headless Chromium through chromedriver from a
 * test: open a page, find elements, type, click, read text, run a script, take a screenshot.
 */
final class WebDriver implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process driver;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI session;
    private final Path profile;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * Skips the calling test with a message when Chromium is missing, or fails it when trailindex.browser.required
     * is set (as in CI).
     */
    static void requireOrSkip() {
        if (!available()) {
            if (Boolean.getBoolean("trailindex.browser.required")) {
                org.junit.jupiter.api.Assertions.fail("chromium and chromium-driver are required (apt-get install chromium chromium-driver)");
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "chromium/chromium-driver not installed; browser test skipped");
        }
    }

    WebDriver() throws Exception {
        this(List.of());
    }

    /** A browser started with {@code extraArgs} besides the usual headless ones, e.g. --host-resolver-rules=... */
    WebDriver(List<String> extraArgs) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        waitFor(() -> {
            try {
                return send("GET", base.resolve("status"), null).path("value").path("ready").asBoolean();
            } catch (Exception e) {
                return false;
            }
        }, Duration.ofSeconds(20), "chromedriver to start");
        profile = Files.createTempDirectory("trailindex-chromium-");
        ObjectNode caps = JSON.createObjectNode();
        ObjectNode always = caps.putObject("capabilities").putObject("alwaysMatch");
        always.put("browserName", "chrome");
        ObjectNode chrome = always.putObject("goog:chromeOptions");
        chrome.put("binary", CHROMIUM.toString());
        var args = chrome.putArray("args");
        for (String a : List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + profile)) {
            args.add(a);
        }
        extraArgs.forEach(args::add);
        JsonNode created = send("POST", base.resolve("session"), caps);
        session = base.resolve("session/" + created.path("value").path("sessionId").asText() + "/");
    }

    void open(URI url) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("url", url.toString());
        send("POST", session.resolve("url"), body);
    }

    String currentUrl() throws Exception {
        return send("GET", session.resolve("url"), null).path("value").asText();
    }

    /** Element ids matching a CSS selector, in document order. */
    List<String> findAll(String css) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("using", "css selector").put("value", css);
        List<String> ids = new ArrayList<>();
        send("POST", session.resolve("elements"), body).path("value").forEach(e -> ids.add(e.path(ELEMENT).asText()));
        return ids;
    }

    String find(String css) throws Exception {
        List<String> all = findAll(css);
        if (all.isEmpty()) {
            throw new AssertionError("no element matches " + css);
        }
        return all.get(0);
    }

    void clearAndType(String element, String text) throws Exception {
        send("POST", session.resolve("element/" + element + "/clear"), JSON.createObjectNode());
        send("POST", session.resolve("element/" + element + "/value"), JSON.createObjectNode().put("text", text));
    }

    void click(String element) throws Exception {
        send("POST", session.resolve("element/" + element + "/click"), JSON.createObjectNode());
    }

    String text(String element) throws Exception {
        return send("GET", session.resolve("element/" + element + "/text"), null).path("value").asText();
    }

    String attribute(String element, String name) throws Exception {
        return send("GET", session.resolve("element/" + element + "/attribute/" + name), null).path("value").asText();
    }

    JsonNode script(String js) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("script", js);
        body.putArray("args");
        return send("POST", session.resolve("execute/sync"), body).path("value");
    }

    /** Clicks an element with the Shift key held (WebDriver actions: key down, pointer click, key up). */
    void shiftClick(String element) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        var actions = body.putArray("actions");
        ObjectNode keys = actions.addObject().put("type", "key").put("id", "keyboard");
        var keyActions = keys.putArray("actions");
        keyActions.addObject().put("type", "keyDown").put("value", "\uE008");
        keyActions.addObject().put("type", "pause").put("duration", 0);
        keyActions.addObject().put("type", "pause").put("duration", 0);
        keyActions.addObject().put("type", "pause").put("duration", 0);
        keyActions.addObject().put("type", "keyUp").put("value", "\uE008");
        ObjectNode mouse = actions.addObject().put("type", "pointer").put("id", "mouse");
        mouse.putObject("parameters").put("pointerType", "mouse");
        var mouseActions = mouse.putArray("actions");
        mouseActions.addObject().put("type", "pause").put("duration", 0);
        ObjectNode origin = JSON.createObjectNode().put(ELEMENT, element);
        mouseActions.addObject().put("type", "pointerMove").put("duration", 0).put("x", 0).put("y", 0).set("origin", origin);
        mouseActions.addObject().put("type", "pointerDown").put("button", 0);
        mouseActions.addObject().put("type", "pointerUp").put("button", 0);
        mouseActions.addObject().put("type", "pause").put("duration", 0);
        send("POST", session.resolve("actions"), body);
        send("DELETE", session.resolve("actions"), null);
    }

    /**
     * Sets the size of the page's viewport (window.innerWidth x innerHeight) in CSS pixels, correcting for whatever
     * the browser adds around it.
     */
    void viewport(int width, int height) throws Exception {
        JsonNode inner = null;
        int w = width;
        int h = height;
        for (int attempt = 0; attempt < 3; attempt++) {
            send("POST", session.resolve("window/rect"), JSON.createObjectNode().put("width", w).put("height", h));
            inner = script("return [window.innerWidth, window.innerHeight]");
            if (inner.get(0).asInt() == width && inner.get(1).asInt() == height) {
                return;
            }
            w += width - inner.get(0).asInt();
            h += height - inner.get(1).asInt();
        }
        throw new AssertionError("cannot set the viewport to " + width + "x" + height + "; it is " + inner);
    }

    /** A PNG of one element. */
    byte[] screenshot(String element) throws Exception {
        return Base64.getDecoder().decode(send("GET", session.resolve("element/" + element + "/screenshot"), null).path("value").asText());
    }

    byte[] screenshot() throws Exception {
        return Base64.getDecoder().decode(send("GET", session.resolve("screenshot"), null).path("value").asText());
    }

    static void waitFor(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private JsonNode send(String method, URI uri, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = JSON.readTree(r.body());
        if (r.statusCode() >= 400) {
            throw new IOException("webdriver " + method + " " + uri.getPath() + ": " + json.path("value").path("message").asText());
        }
        return json;
    }

    @Override
    public void close() throws Exception {
        try {
            if (session != null) {
                String s = session.toString();
                send("DELETE", URI.create(s.substring(0, s.length() - 1)), null);
            }
        } finally {
            driver.destroy();
            driver.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(10), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }
}
