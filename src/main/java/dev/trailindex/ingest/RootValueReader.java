package dev.trailindex.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import dev.trailindex.schema.Schema;
import java.util.List;

/**
 * Streams the top-level JSON values of one input and turns them into events: a {@code {"Records":[...]}}
 * delivery file, a bare array of events, single event objects (one or many, e.g. one per line), and
 * {@code lookup-events} output (an {@code Events} array, or one entry per line, each with the event as a JSON
 * string in {@code CloudTrailEvent}). Containers are streamed element by element; only one event is in memory
 * at a time. JSON errors propagate to the caller, after every event complete before them has been handed on.
 */
final class RootValueReader {
    // Keys of CloudTrail's container formats (input format, not index fields).
    private static final String RECORDS = "Records";
    private static final String EVENTS = "Events";
    private static final String CLOUDTRAIL_EVENT = "CloudTrailEvent";
    private static final List<String> DIGEST_KEYS = List.of("digestStartTime", "digestEndTime", "digestS3Object");

    private final ObjectMapper mapper;
    private final List<String> eventKeys;
    private final List<String> needsOneOf;
    private final java.util.Map<String, String> notificationMarkers;
    private final IngestLimits limits;
    private final FileState state;

    RootValueReader(ObjectMapper mapper, Schema schema, IngestLimits limits, FileState state) {
        this.mapper = mapper;
        this.eventKeys = schema.eventKeys();
        this.needsOneOf = schema.eventNeedsOneOf();
        this.notificationMarkers = schema.notificationMarkers();
        this.limits = limits;
        this.state = state;
    }

    /**
     * Reads every top-level value of {@code in}; {@code baseOffset} and {@code baseLine} place it in its file
     * (non-zero when {@code in} is one line of a JSON-lines file).
     */
    void readAll(InputStream in, long baseOffset, long baseLine) throws IOException {
        RecordingInputStream rec = new RecordingInputStream(in, limits.maxEventBytes());
        try (JsonParser p = mapper.getFactory().createParser(rec)) {
            Position pos = new Position(baseOffset, baseLine);
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                long start = p.currentTokenLocation().getByteOffset();
                rec.keepFrom(start);
                if (t == JsonToken.START_ARRAY) {
                    readEventArray(p, rec, pos, false);
                } else if (t == JsonToken.START_OBJECT) {
                    readRootObject(p, rec, pos, start);
                } else {
                    state.notEvents(Reason.NOT_CLOUDTRAIL, "top-level " + t.asString() + " value");
                }
                rec.idle();
            }
        }
    }

    private void readRootObject(JsonParser p, RecordingInputStream rec, Position pos, long start) throws IOException {
        long line = pos.line(p);
        ObjectNode root = mapper.createObjectNode();
        boolean container = false;
        try {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_ARRAY && (RECORDS.equals(name) || EVENTS.equals(name))) {
                    container = true;
                    root = null;
                    rec.idle();
                    readEventArray(p, rec, pos, EVENTS.equals(name));
                } else if (container) {
                    p.skipChildren();
                } else {
                    root.set(name, p.readValueAsTree());
                }
            }
        } catch (JsonProcessingException e) {
            // A single event object (a JSON line, say) cut short; a container's records are salvaged by readEventArray.
            if (!container && LogFileReader.jsonReason(e) == Reason.TRUNCATED_JSON) {
                salvageRoot(rec.sliceFrom(start), pos.offset(start), line);
            }
            throw e;
        }
        if (!container) {
            long end = p.currentTokenLocation().getByteOffset() + 1;
            classifyRootObject(root, rec.slice(start, end), pos.offset(start), line);
        }
    }

    private void readEventArray(JsonParser p, RecordingInputStream rec, Position pos, boolean lookup) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            long start = p.currentTokenLocation().getByteOffset();
            long line = pos.line(p);
            rec.keepFrom(start);
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                state.reject(Reason.NOT_AN_OBJECT);
                rec.idle();
                continue;
            }
            ObjectNode tree;
            try {
                tree = p.readValueAsTree();
            } catch (JsonProcessingException e) {
                if (!lookup && LogFileReader.jsonReason(e) == Reason.TRUNCATED_JSON) {
                    salvageRecord(rec.sliceFrom(start), pos.offset(start), line);
                }
                throw e;
            }
            long end = p.currentTokenLocation().getByteOffset() + 1;
            byte[] bytes = rec.slice(start, end);
            if (lookup && tree.path(CLOUDTRAIL_EVENT).isTextual()) {
                unwrap(tree, pos.offset(start), line);
            } else if (isNotification(tree)) {
                state.notEvents(Reason.NOT_CLOUDTRAIL, "an S3/SQS/SNS event notification");
            } else if (lookup && !isEvent(tree)) {
                state.notEvents(Reason.NOT_CLOUDTRAIL, "an Events entry without CloudTrailEvent");
            } else {
                emit(bytes, tree, pos.offset(start), line);
            }
            rec.idle();
        }
    }

    private void classifyRootObject(ObjectNode root, byte[] bytes, long offset, long line) throws IOException {
        if (root.path(CLOUDTRAIL_EVENT).isTextual()) {
            unwrap(root, offset, line);
        } else if (DIGEST_KEYS.stream().anyMatch(root::has)) {
            state.notEvents(Reason.DIGEST, "digest keys at line " + line);
        } else if (isNotification(root)) {
            state.notEvents(Reason.NOT_CLOUDTRAIL, "an S3/SQS/SNS event notification at line " + line);
        } else if (isEvent(root) && !hasNameOrTime(root)) {
            state.notEvents(Reason.NOT_CLOUDTRAIL, describe(root) + " but no eventName or eventTime, at line " + line);
        } else if (isEvent(root)) {
            emit(bytes, root, offset, line);
        } else {
            state.notEvents(Reason.NOT_CLOUDTRAIL, describe(root) + " at line " + line);
        }
    }

    /**
     * A record of a Records or bare array cut short: its whole top-level fields become a partial event if they
     * hold a name or time (lookup-events wrappers are not salvaged: their event is one string, cut or not).
     */
    private void salvageRecord(byte[] cut, long offset, long line) {
        ObjectNode fields = Salvage.fields(mapper, cut);
        if (fields != null && hasNameOrTime(fields) && !isNotification(fields)) {
            emitPartial(cut, fields, offset, line);
        }
    }

    /** A top-level event object cut short (a single event, a JSON line): the same, if it is an event. */
    private void salvageRoot(byte[] cut, long offset, long line) {
        ObjectNode fields = Salvage.fields(mapper, cut);
        if (fields != null && isEvent(fields) && hasNameOrTime(fields) && !fields.has(CLOUDTRAIL_EVENT)
                && DIGEST_KEYS.stream().noneMatch(fields::has) && !isNotification(fields)) {
            emitPartial(cut, fields, offset, line);
        }
    }

    private void emitPartial(byte[] cut, ObjectNode fields, long offset, long line) {
        if (cut.length > limits.maxEventBytes()) {
            return;
        }
        try {
            state.sink.accept(new RawEvent(cut, fields, state.file, state.events, offset, line, true));
        } catch (IOException e) {
            throw new SinkException(e);
        }
        state.events++;
        state.partial++;
    }

    private boolean isEvent(ObjectNode node) {
        for (String k : eventKeys) {
            if (node.has(k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * S3, SQS and SNS event notifications also come as {"Records":[...]} with CloudTrail-like keys, but their
     * source is "aws:s3", "aws:sqs", "aws:sns" (the schema's notificationMarkers); CloudTrail's is a host name.
     */
    private boolean isNotification(ObjectNode node) {
        for (var marker : notificationMarkers.entrySet()) {
            if (node.path(marker.getKey()).asText("").startsWith(marker.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** A few words on what a non-CloudTrail object looks like, for the report. */
    private static String describe(ObjectNode root) {
        if ("Notification".equals(root.path("Type").asText()) || root.has("TopicArn")) {
            return "an SNS/SQS notification";
        }
        if (root.has("Statement") && root.has("Version")) {
            return "an IAM policy document";
        }
        StringBuilder keys = new StringBuilder();
        root.fieldNames().forEachRemaining(k -> {
            if (keys.length() < 60) {
                keys.append(keys.isEmpty() ? "" : ", ").append(k);
            }
        });
        return "an object with keys " + keys;
    }

    private void unwrap(ObjectNode wrapper, long offset, long line) throws IOException {
        byte[] inner = wrapper.get(CLOUDTRAIL_EVENT).textValue().getBytes(StandardCharsets.UTF_8);
        JsonNode tree;
        try {
            tree = mapper.readTree(inner);
        } catch (JsonProcessingException e) {
            state.reject(Reason.INVALID_EMBEDDED_JSON);
            return;
        }
        if (tree instanceof ObjectNode obj) {
            emit(inner, obj, offset, line);
        } else {
            state.reject(Reason.INVALID_EMBEDDED_JSON);
        }
    }

    /** Whether the object holds a non-empty value at one of the schema's eventNeedsOneOf keys. */
    private boolean hasNameOrTime(ObjectNode node) {
        for (String k : needsOneOf) {
            JsonNode v = node.get(k);
            if (v != null && !v.isNull() && !(v.isTextual() && v.textValue().isBlank())) {
                return true;
            }
        }
        return false;
    }

    private void emit(byte[] bytes, ObjectNode tree, long offset, long line) {
        if (!hasNameOrTime(tree)) {
            state.reject(Reason.NO_NAME_OR_TIME);
            return;
        }
        if (bytes.length > limits.maxEventBytes()) {
            state.reject(Reason.EVENT_TOO_LARGE);
            return;
        }
        try {
            state.sink.accept(new RawEvent(bytes, tree, state.file, state.events, offset, line));
        } catch (IOException e) {
            throw new SinkException(e);
        }
        state.events++;
    }

    /** Maps parser locations to positions in the file. */
    private record Position(long baseOffset, long baseLine) {
        long offset(long local) {
            return baseOffset + local;
        }

        long line(JsonParser p) {
            return baseLine + p.currentTokenLocation().getLineNr() - 1;
        }
    }
}
