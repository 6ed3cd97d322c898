package kapacitor.runtime.operator;

import kapacitor.alert.Inhibitor;
import kapacitor.alert.Level;

import java.util.Arrays;
import java.util.List;

/** One group's alert history (Kapacitor's alertState): levels seen, flapping, change and expiry, trigger times. */
final class AlertGroupState {
    /** The newest change weighs this much more than the oldest. */
    private static final double WEIGHT_DIFF = 1.5;
    private static final double MAX_WEIGHT = 1.2;

    private final AlertOperator.AlertSettings settings;
    private final Level[] history;
    private final List<Inhibitor> inhibitors;
    private int idx;
    boolean flapping;
    boolean changed;
    boolean expired;
    private long firstTriggered;
    private long lastTriggered;

    AlertGroupState(AlertOperator.AlertSettings settings, List<Inhibitor> inhibitors) {
        this.settings = settings;
        this.history = new Level[(int) settings.history()];
        Arrays.fill(history, Level.OK);
        this.inhibitors = inhibitors;
    }

    Level currentLevel() {
        return history[idx];
    }

    long duration() {
        return lastTriggered - firstTriggered;
    }

    void addEvent(long t, Level level) {
        changed = history[idx] != level;
        idx = (idx + 1) % history.length;
        history[idx] = level;
        if (settings.useFlapping()) {
            double p = percentChange();
            if (flapping && p < settings.flapLow()) {
                flapping = false;
            } else if (!flapping && p > settings.flapHigh()) {
                flapping = true;
            }
        }
        expired = !changed && settings.stateChangesOnlyDuration() != 0
            && t - lastTriggered >= settings.stateChangesOnlyDuration();
    }

    void triggered(long t) {
        lastTriggered = t;
        int p = idx - 1;
        if (p == -1) {
            p = history.length - 1;
        }
        if (history[p] == Level.OK) {
            firstTriggered = t;
        }
        boolean inhibited = history[idx] != Level.OK;
        for (Inhibitor in : inhibitors) {
            in.set(inhibited);
        }
    }

    private double percentChange() {
        int l = history.length;
        double changes = 0;
        double weight = MAX_WEIGHT / WEIGHT_DIFF;
        double step = (MAX_WEIGHT - weight) / (l - 1);
        for (int i = 0; i < l - 1; i++) {
            int c = (i + idx) % l;
            int p = c - 1;
            if (p < 0) {
                p = l - 1;
            }
            if (history[c] != history[p]) {
                changes += weight;
            }
            weight += step;
        }
        return changes / (l - 1);
    }
}
