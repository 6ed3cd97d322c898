package kapacitor.runtime;

/**
 * Every ported streamer case again with {@code [task] operator-chaining} on: chaining must not change a single output
 * row.
 */
class StreamerCoverageChainedTest extends StreamerCoverageTest {
    @Override
    StreamerHarness harness() {
        return new StreamerHarness().chained();
    }
}
