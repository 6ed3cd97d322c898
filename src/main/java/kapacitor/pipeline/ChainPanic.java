package kapacitor.pipeline;

/** A failure Kapacitor raises as a panic inside a node method; reported as "error calling func ...: text". */
final class ChainPanic extends RuntimeException {

    ChainPanic(String message) {
        super(message, null, false, false);
    }
}
