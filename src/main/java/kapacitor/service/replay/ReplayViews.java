package kapacitor.service.replay;

import io.vertx.core.json.JsonObject;
import kapacitor.api.ApiException;
import kapacitor.api.Links;
import kapacitor.store.RecordingRecord;
import kapacitor.store.ReplayRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kapacitor's JSON of recordings and replays (client v1 Recording and Replay in struct order; list entries are Go
 * maps, so their keys come sorted). The stored row keeps the rest of each document in {@code data}.
 */
final class ReplayViews {
    static final List<String> RECORDING_FIELDS =
        List.of("link", "id", "type", "size", "date", "error", "status", "progress");
    static final List<String> REPLAY_FIELDS = List.of("link", "id", "recording", "task", "recording-time", "clock",
        "date", "error", "status", "progress");
    /** client v1 Replay's struct order (task before recording, unlike the list's field names). */
    private static final List<String> REPLAY_STRUCT = List.of("link", "id", "task", "recording", "recording-time",
        "clock", "date", "error", "status", "progress");

    private ReplayViews() {
    }

    static String recordingHref(String id) {
        return "/kapacitor/v1/recordings/" + id;
    }

    static String replayHref(String id) {
        return "/kapacitor/v1/replays/" + id;
    }

    static Map<String, Object> recording(RecordingRecord r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String f : RECORDING_FIELDS) {
            out.put(f, recordingField(r, f));
        }
        return out;
    }

    static Map<String, Object> replay(ReplayRecord r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String f : REPLAY_STRUCT) {
            out.put(f, replayField(r, f));
        }
        // ExecutionStats: both maps omitted when empty; Kapacitor fills them only for a finished replay.
        JsonObject stats = r.data().getJsonObject("stats");
        out.put("stats", "finished".equals(r.status()) && stats != null ? stats.getMap() : Map.of());
        return out;
    }

    /** A list entry: the asked fields plus id and link, keys sorted as Go marshals a map. */
    static Map<String, Object> recordingEntry(RecordingRecord r, List<String> fields) {
        Map<String, Object> out = new TreeMap<>();
        for (String f : withIdAndLink(fields, RECORDING_FIELDS)) {
            out.put(f, recordingField(r, f));
        }
        return out;
    }

    static Map<String, Object> replayEntry(ReplayRecord r, List<String> fields) {
        Map<String, Object> out = new TreeMap<>();
        for (String f : withIdAndLink(fields, REPLAY_FIELDS)) {
            out.put(f, replayField(r, f));
        }
        return out;
    }

    private static List<String> withIdAndLink(List<String> fields, List<String> all) {
        if (fields.isEmpty()) {
            return all;
        }
        List<String> out = new ArrayList<>(fields);
        out.add("id");
        out.add("link");
        return out;
    }

    private static Object recordingField(RecordingRecord r, String field) {
        JsonObject d = r.data();
        switch (field) {
            case "link":
                return Links.self(recordingHref(r.id()));
            case "id":
                return r.id();
            case "type":
                return r.type();
            case "size":
                return d.getLong("size", 0L);
            case "date":
                return d.getString("date", "");
            case "error":
                return d.getString("error", "");
            case "status":
                return r.status();
            case "progress":
                return goFloat(d.getDouble("progress", 0.0));
            default:
                throw ApiException.badRequest("unsupported field \"" + field + "\"");
        }
    }

    private static Object replayField(ReplayRecord r, String field) {
        JsonObject d = r.data();
        switch (field) {
            case "link":
                return Links.self(replayHref(r.id()));
            case "id":
                return r.id();
            case "recording":
                return r.recordingId();
            case "task":
                return r.taskId();
            case "recording-time":
                return d.getBoolean("recording-time", false);
            case "clock":
                return d.getString("clock", "fast");
            case "date":
                return d.getString("date", "");
            case "error":
                return d.getString("error", "");
            case "status":
                return r.status();
            case "progress":
                return goFloat(d.getDouble("progress", 0.0));
            default:
                throw ApiException.badRequest("unsupported field \"" + field + "\"");
        }
    }

    /** A float64 as Go's encoder writes it: whole values without a fraction ("1", not "1.0"). */
    static Object goFloat(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) v : (Object) v;
    }
}
