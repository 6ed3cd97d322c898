package kapacitor.service.servicetest;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/** A service that can be tested from the API (Kapacitor's servicetest.Tester). */
public interface ServiceTester {
    /** The service's name in /service-tests/NAME. */
    String name();

    /**
     * The default test options, in Kapacitor's field order (read from the live config where Kapacitor does). Values
     * are String, Boolean, Long, List or Map; a value's Java type is the type a posted option must have.
     */
    Future<Map<String, Object>> options();

    /** Runs the test with the defaults overlaid by what was posted; fails with the message to report. */
    Future<Void> test(JsonObject options);
}
