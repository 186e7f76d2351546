package dev.trailindex.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpHandlers;
import com.sun.net.httpserver.Request;
import dev.trailindex.index.IndexException;
import dev.trailindex.integrity.CoverageStore;
import dev.trailindex.query.Durations;
import dev.trailindex.query.FacetCounts;
import dev.trailindex.query.JsonViews;
import dev.trailindex.query.Order;
import dev.trailindex.query.QueryException;
import dev.trailindex.query.QueryTimeoutException;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.query.SearchResult;
import dev.trailindex.search.SearchBackend;
import dev.trailindex.query.StoredEvent;
import dev.trailindex.query.TimeRange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * trailindex over HTTP: the web page at {@code /}, a read-only JSON API under {@code /api/}, and {@code /health}.
 * Another program can mount it in its own {@code HttpServer}. Every request is bounded (URI length, query length,
 * page size, concurrent searches, and the search facade's time limit); errors are one-line JSON messages and
 * never carry a stack trace or a path of the server.
 */
public final class TrailIndexHandler implements HttpHandler {
    private static final Set<String> METHODS = Set.of("GET", "HEAD");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENTS_PREFIX = "/api/events/";

    private final SearchBackend search;
    private final HttpLimits limits;
    private final Semaphore slots;
    private final WebPage page;
    private final HttpHandler root;
    private final List<dev.trailindex.sigma.SigmaRule> rules;

    /** Serves {@code search} within {@code limits}. */
    public TrailIndexHandler(SearchBackend search, HttpLimits limits) {
        this(search, limits, List.of());
    }

    /** Serves {@code search} within {@code limits}; {@code /api/detections} runs {@code rules} (Sigma). */
    public TrailIndexHandler(SearchBackend search, HttpLimits limits, List<dev.trailindex.sigma.SigmaRule> rules) {
        this.search = search;
        this.rules = List.copyOf(rules);
        this.limits = limits;
        this.slots = new Semaphore(limits.maxConcurrent(), true);
        this.page = WebPage.bundled();
        HttpHandler notFound = exchange -> send(exchange, 404, "application/json", error("no such page"), Map.of());
        HttpHandler routes = route(path("/").or(path("/index.html")), page::serve,
                route(path("/health"), api(false, this::health),
                route(path("/api/search"), api(true, this::search),
                route(path("/api/facets"), api(true, this::facets),
                route(path("/api/histogram"), api(true, this::histogram),
                route(path("/api/stats"), api(true, this::stats),
                route(path("/api/fields"), api(false, this::fields),
                route(path("/api/coverage"), api(false, this::coverage),
                route(path("/api/detections"), api(true, this::detections),
                route(path("/api/trace"), api(true, this::trace),
                route(r -> r.getRequestURI().getRawPath().startsWith(EVENTS_PREFIX), api(true, this::event),
                notFound)))))))))));
        Headers allow = new Headers();
        allow.set("Allow", "GET, HEAD");
        allow.set("Content-Type", "application/json; charset=utf-8");
        allow.set("X-Content-Type-Options", "nosniff");
        allow.set("Cache-Control", "no-store");
        this.root = HttpHandlers.handleOrElse(r -> METHODS.contains(r.getRequestMethod()), routes,
                HttpHandlers.of(405, allow, new String(error("only GET and HEAD are supported: the API is read-only"), StandardCharsets.UTF_8)));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestURI().toString().length() > limits.maxUriLength()) {
                send(exchange, 414, "application/json", error("request URI too long"), Map.of());
                return;
            }
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            boolean hasBody = (length != null && !length.strip().equals("0")) || exchange.getRequestHeaders().containsKey("Transfer-Encoding");
            if (hasBody && METHODS.contains(exchange.getRequestMethod())) {
                send(exchange, 413, "application/json", error("requests carry no body"), Map.of());
                return;
            }
            root.handle(exchange);
        }
    }

    private static Predicate<Request> path(String p) {
        return r -> r.getRequestURI().getRawPath().equals(p);
    }

    private static HttpHandler route(Predicate<Request> when, HttpHandler then, HttpHandler otherwise) {
        return HttpHandlers.handleOrElse(when, then, otherwise);
    }

    /** A response body with its type and status. */
    private record Reply(int status, String type, byte[] body) {
        static Reply json(JsonBody body) throws IOException {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (JsonGenerator g = JSON.getFactory().createGenerator(bos)) {
                body.write(g);
            }
            return new Reply(200, "application/json", bos.toByteArray());
        }
    }

    @FunctionalInterface
    private interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    @FunctionalInterface
    private interface Endpoint {
        Reply call(HttpExchange exchange, Params params) throws IOException;
    }

    /** Runs an endpoint with its error mapping and, for searches, within a bounded number of slots. */
    private HttpHandler api(boolean needsSlot, Endpoint endpoint) {
        return exchange -> {
            Reply reply;
            boolean acquired = false;
            try {
                if (needsSlot) {
                    acquired = slots.tryAcquire(limits.queueWait().toMillis(), TimeUnit.MILLISECONDS);
                    if (!acquired) {
                        throw new HttpError(503, "busy: too many searches at once; retry shortly");
                    }
                }
                reply = endpoint.call(exchange, new Params(exchange.getRequestURI().getRawQuery()));
            } catch (HttpError e) {
                reply = new Reply(e.status, "application/json", error(e.getMessage()));
            } catch (QueryException e) {
                reply = new Reply(400, "application/json", error(e.getMessage()));
            } catch (QueryTimeoutException e) {
                reply = new Reply(503, "application/json", error(e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reply = new Reply(503, "application/json", error("shutting down"));
            } catch (IndexException e) {
                // Damaged or unreadable: the operator's problem, named in the server's log; the client is not told where.
                System.err.println("trailindex http: " + AccessLog.escape(exchange.getRequestURI().getRawPath()) + ": "
                        + AccessLog.escape(e.getMessage()));
                reply = new Reply(503, "application/json", error("the index cannot be read; the server's log says why "
                        + "('trailindex check' on the server)"));
            } catch (RuntimeException | IOException e) {
                // The client learns only that it failed; the details go to the server's log.
                System.err.println("trailindex http: " + exchange.getRequestURI().getRawPath() + ": "
                        + e.getClass().getSimpleName() + ": " + e.getMessage());
                reply = new Reply(500, "application/json", error("internal error"));
            } finally {
                if (acquired) {
                    slots.release();
                }
            }
            send(exchange, reply.status(), reply.type(), reply.body(), Map.of());
        };
    }

    private SearchRequest request(Params p, int limit) {
        String q = p.get("q");
        if (q != null && q.length() > limits.maxQueryChars()) {
            throw new HttpError(400, "query longer than " + limits.maxQueryChars() + " characters");
        }
        Order order = Order.NEWEST;
        String sort = p.get("sort");
        if (sort != null) {
            try {
                order = Order.valueOf(sort.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new HttpError(400, "sort must be newest, oldest or relevance");
            }
        }
        TimeRange range = TimeRange.of(p.get("from"), p.get("to"), p.get("since"), ZoneOffset.UTC);
        return new SearchRequest(q == null ? "" : q, range.from(), range.to(), limit, order, p.get("cursor"), ZoneOffset.UTC);
    }

    private Reply search(HttpExchange ex, Params p) throws IOException {
        long started = System.nanoTime();
        SearchResult r = search.search(request(p, p.integer("limit", 50, 0, limits.maxLimit())));
        long took = (System.nanoTime() - started) / 1_000_000;
        return Reply.json(g -> {
            JsonViews.result(g, search.schema(), r, ZoneOffset.UTC);
            g.writeNumberField("tookMs", took);
            g.writeEndObject();
        });
    }

    /** The Sigma rules given to {@code serve --rules}, run over the events in the time range (and q). */
    private Reply detections(HttpExchange ex, Params p) throws IOException {
        if (rules.isEmpty()) {
            throw new HttpError(404, "no Sigma rules are loaded: start the server with 'trailindex serve --rules DIR'");
        }
        SearchRequest req = request(p, 0);
        List<dev.trailindex.sigma.RuleResult> results = new dev.trailindex.sigma.Detector(search).run(rules, req);
        return Reply.json(g -> dev.trailindex.sigma.DetectionsJson.write(g, results, ZoneOffset.UTC));
    }

    /** The last verify run recorded for this index ({@code verify --index DIR}), as written. */
    private Reply coverage(HttpExchange ex, Params p) throws IOException {
        java.util.Optional<java.nio.file.Path> folder = search.indexFolder();
        byte[] recorded = (folder.isPresent() ? CoverageStore.load(folder.get()) : java.util.Optional.<byte[]>empty()).orElseThrow(() -> new HttpError(404,
                "no verify run is recorded for this index: run 'trailindex verify --index DIR PATH...'"));
        return new Reply(200, "application/json", recorded);
    }

    private Reply facets(HttpExchange ex, Params p) throws IOException {
        List<String> fields = p.all("field");
        if (fields.isEmpty() || fields.size() > limits.maxFields()) {
            throw new HttpError(400, "give 1 to " + limits.maxFields() + " field parameters");
        }
        SearchRequest req = request(p, 0);
        int top = p.integer("top", 10, 1, limits.maxTop());
        long total = search.count(req);
        List<FacetCounts> counts = search.facets(req, fields, top);
        return Reply.json(g -> JsonViews.facets(g, total, counts));
    }

    private Reply histogram(HttpExchange ex, Params p) throws IOException {
        var h = search.histogram(request(p, 0), dev.trailindex.query.Interval.parseOrAuto(p.get("interval")));
        return Reply.json(g -> JsonViews.histogram(g, h, ZoneOffset.UTC));
    }

    private Reply stats(HttpExchange ex, Params p) throws IOException {
        var s = search.stats(p.integer("top", 5, 1, 100));
        return Reply.json(g -> {
            g.writeStartObject();
            JsonViews.stats(g, s);
            g.writeEndObject();
        });
    }

    /** The trace of one credential, as {@code trailindex trace --format json} prints it. */
    private Reply trace(HttpExchange ex, Params p) throws IOException {
        String credential = p.get("credential");
        if (credential == null || credential.isBlank() || credential.length() > 2048) {
            throw new HttpError(400, "give one credential: /api/trace?credential=AKIA... (or a session ARN, user ARN, principalId)");
        }
        SearchRequest range = request(p, 0);
        String depth = p.get("depth");
        Integer levels = depth == null ? null : p.integer("depth", 0, 0, 100);
        dev.trailindex.trace.Tracer.Report report;
        try {
            report = new dev.trailindex.trace.Tracer(search).trace(credential,
                    new dev.trailindex.trace.Tracer.Options(range.from(), range.to(), levels));
        } catch (dev.trailindex.trace.UnknownCredentialException e) {
            throw new HttpError(404, "no event was made with, issued or mentions that credential");
        }
        return Reply.json(g -> dev.trailindex.trace.TraceJson.write(g, report, search.schema().traceFields()));
    }

    private Reply fields(HttpExchange ex, Params p) throws IOException {
        return Reply.json(g -> JsonViews.fields(g, search.schema()));
    }

    private Reply health(HttpExchange ex, Params p) throws IOException {
        long events = search.count(SearchRequest.of(""));
        return Reply.json(g -> {
            g.writeStartObject();
            g.writeStringField("status", "ok");
            g.writeNumberField("events", events);
            g.writeEndObject();
        });
    }

    private Reply event(HttpExchange ex, Params p) {
        String raw = ex.getRequestURI().getRawPath().substring(EVENTS_PREFIX.length());
        String id;
        try {
            id = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, "malformed event id");
        }
        if (id.isEmpty() || id.length() > 1024) {
            throw new HttpError(400, "give an event id: /api/events/{eventID}");
        }
        Optional<StoredEvent> e = search.event(id);
        if (e.isEmpty()) {
            throw new HttpError(404, "no event with that id");
        }
        // The original bytes; a partial event's cut bytes are not JSON, so its whole fields and flags instead.
        return new Reply(200, "application/json", dev.trailindex.query.JsonViews.bareEvent(search.schema(), e.get()));
    }

    static byte[] error(String message) {
        try {
            return JSON.writeValueAsBytes(Map.of("error", message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a complete response; HEAD gets the headers only. */
    static void send(HttpExchange ex, int status, String type, byte[] body, Map<String, String> extra) throws IOException {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", type + "; charset=utf-8");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Cache-Control", "no-store");
        h.set("Referrer-Policy", "no-referrer");
        extra.forEach(h::set);
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

}
